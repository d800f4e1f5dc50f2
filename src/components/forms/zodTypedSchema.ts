import type { TypedSchema, TypedSchemaError } from 'vee-validate'
import type { z } from 'zod'

/**
 * Lets vee-validate validate with a zod schema (the same schema the repository enforces), so the
 * message on a field and the API's refusal are the same words. (@vee-validate/zod is not installed;
 * this is the small adapter it would provide.)
 */
export function zodTypedSchema<S extends z.ZodType>(schema: () => S): TypedSchema<z.input<S>, z.output<S>> {
  return {
    __type: 'VVTypedSchema',
    async parse(values) {
      const result = await schema().safeParseAsync(values)
      if (result.success) return { value: result.data, errors: [] }
      const byPath = new Map<string, string[]>()
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.')
        byPath.set(path, [...(byPath.get(path) ?? []), issue.message])
      }
      const errors: TypedSchemaError[] = [...byPath.entries()].map(([path, errors]) => ({ path, errors }))
      return { errors }
    },
  }
}
