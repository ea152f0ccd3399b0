/**
 * Text search as residents type: case and accents do not matter, "ß" is "ss", "ä" may be typed "ae", and a
 * word part finds the whole word ("einbruch" finds "Einbruchschutz").
 */
export function searchKey(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .replace(/([aou])e/g, '$1') // "ae", "oe", "ue" as typed for ä, ö, ü (the same on both sides)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}

/** Whether every word of the query occurs in the text; both prepared with `searchKey`. */
export function matchesQuery(haystack: string, query: string): boolean {
  return query.split(' ').every((word) => haystack.includes(word));
}
