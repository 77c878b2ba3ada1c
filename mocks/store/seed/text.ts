/**
 * String helpers that keep the seed's time and memory down. The seed keeps about a million
 * generated strings, and how V8 stores them decides both: `flat` makes a generated string one flat
 * string rather than a rope, and `intern` shares one copy of each repeated activity sentence.
 * They sit apart so that every seed module can use them without importing the generator.
 */

/**
 * A template tag giving a flat string. V8 keeps `${}` concatenations of 13+ characters as rope
 * trees; the seed retains ~1M generated strings, and as ropes they cost ~3× the time and ~5× the
 * memory (measured). `Array#join` writes one flat string.
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = [strings[0] as string];
  for (let i = 0; i < values.length; i++) parts.push(String(values[i]), strings[i + 1] as string);
  return parts.join('');
}

const TEXTS = new Map<string, string>();

/**
 * One shared, flat copy of each activity sentence: they repeat a lot ("Status changed from Active
 * to…"), and hashing a string for the lookup flattens it.
 */
export function intern(s: string): string {
  const known = TEXTS.get(s);
  if (known !== undefined) return known;
  TEXTS.set(s, s);
  return s;
}
