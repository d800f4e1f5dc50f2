import type { z } from 'zod'

/** One problem with one field, in words an officer can act on. */
export interface FieldProblem {
  field: string
  message: string
}

/**
 * Refusal of bad input. The message names every bad field so the UI and every API say exactly
 * what is wrong; `problems` lets a form put each message on its own field.
 */
export class ValidationError extends Error {
  readonly problems: FieldProblem[]
  constructor(what: string, problems: FieldProblem[]) {
    super(`${what} was not saved: ${problems.map((p) => (p.field ? `${p.field} — ${p.message}` : p.message)).join('; ')}`)
    this.name = 'ValidationError'
    this.problems = problems
  }
}

/** A rule of the policy refused the request (e.g. the gate is incomplete, four-eyes broken). */
export class PolicyRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PolicyRefusal'
  }
}

export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }))
}

/** Parses input with a schema or throws a ValidationError naming every bad field. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw new ValidationError(what, problemsFromZod(result.error))
  return result.data
}
