import type { Person } from '@/domain/people'
import { db, type WorkstationDatabase } from '../db'

/**
 * Finds people already on file by surname, postcode or first line of address, so intake can pick
 * an existing reporter or perpetrator instead of creating a duplicate. Uses the surname and
 * postcode indexes first; the address line is checked on those few rows and, failing that, by scan.
 */
export async function searchPeople(text: string, limit = 20, database: WorkstationDatabase = db): Promise<Person[]> {
  const q = text.trim().toLowerCase()
  if (q.length < 2) return []
  const compact = q.replace(/\s/g, '')
  const found = new Map<string, Person>()
  const add = (list: Person[]) => list.forEach((p) => found.size < limit && found.set(p.id, p))
  add(await database.people.where('postcodeKey').startsWith(compact).limit(limit).toArray())
  const words = q.split(/\s+/)
  add(await database.people.where('surnameKey').startsWith(words[words.length - 1]).limit(limit).toArray())
  if (words.length > 1) add(await database.people.where('surnameKey').startsWith(words[0]).limit(limit).toArray())
  if (found.size < limit) {
    add(await database.people.filter((p) => `${p.firstName} ${p.surname} ${p.flat} ${p.address?.line1 ?? ''}`.toLowerCase().includes(q)).limit(limit - found.size).toArray())
  }
  // Most specific first: every word of the query in the person's name and address.
  const score = (p: Person) => words.filter((w) => `${p.firstName} ${p.surname} ${p.flat} ${p.address?.line1 ?? ''} ${p.address?.postcode ?? ''}`.toLowerCase().includes(w)).length
  return [...found.values()].sort((a, b) => score(b) - score(a)).slice(0, limit)
}
