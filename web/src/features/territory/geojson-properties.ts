/** Files larger than this are not read in the browser just to list their properties; the user types the name. */
export const PROPERTY_SCAN_LIMIT_BYTES = 30 * 1024 * 1024;
const SCANNED_FEATURES = 1000;

/**
 * The property names used by a GeoJSON FeatureCollection's features (from the first thousand), or null
 * when the text is not one. Only to offer choices: the server reads and checks the file itself.
 */
export function listPropertyNames(text: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || !('features' in parsed) || !Array.isArray(parsed.features)) return null;
  const names = new Set<string>();
  for (const feature of parsed.features.slice(0, SCANNED_FEATURES) as unknown[]) {
    if (typeof feature !== 'object' || feature === null || !('properties' in feature)) continue;
    const { properties } = feature;
    if (typeof properties === 'object' && properties !== null) for (const name of Object.keys(properties)) names.add(name);
  }
  return [...names];
}

/** The first name that looks like it holds what `patterns` describe. */
export function guessProperty(names: readonly string[], patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const found = names.find((name) => pattern.test(name));
    if (found) return found;
  }
  return undefined;
}

export const NAME_PATTERNS = [/^(name|nazev|název|nev|név)$/i, /name|nazev|název|nev|név/i, /^ob$/i];
export const CODE_PATTERNS = [/^(code|kod|kód|id|ref)$/i, /code|kod|kód/i];
export const KIND_PATTERNS = [/^(kind|druh|typ|type|tipus|típus)$/i, /kind|druh/i];

/** Reads a chosen file as text in the browser (FileReader), for listing its properties. */
export function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}
