import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that pdfkit (under pdfmake) wrote, in drawing order: objects read, streams
 * inflated, every shown string decoded through the ToUnicode map of the font selected for it. Enough
 * to check what our own PDFs say; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const fontMaps = new Map<string, Map<number, string>>();
  const source = pdf.toString('latin1');
  // Resource names (`/F1 12 0 R`) of fonts that carry a ToUnicode map.
  for (const [, name, ref] of source.matchAll(/\/(F\d+)\s+(\d+)\s+0\s+R/g)) {
    const toUnicode = objects.get(Number(ref))?.dict.match(/\/ToUnicode\s+(\d+)\s+0\s+R/);
    const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
    if (cmap) fontMaps.set(name!, readToUnicode(cmap));
  }
  const shown: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream || !/\bT[Jj]\b/.test(stream)) continue;
    let font: Map<number, string> | undefined;
    // `/F1 10 Tf` selects a font; `[<0012 0034> 120 <0056>] TJ` and `<0012> Tj` show glyph codes (two bytes each).
    for (const match of stream.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[((?:\s*(?:<[0-9a-fA-F]*>|-?[\d.]+))*)\s*\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (match[1]) {
        font = fontMaps.get(match[1]);
        continue;
      }
      const hex = match[3] ?? [...match[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1]).join('');
      const codes = hex.match(/.{4}/g)?.map((code) => parseInt(code, 16)) ?? [];
      shown.push(codes.map((code) => font?.get(code) ?? '\uFFFD').join(''));
    }
  }
  return shown.join('');
}

/** Every `n 0 obj … endobj`: its dictionary and, inflated if it was, its stream. */
function readObjects(pdf: Buffer): Map<number, { dict: string; stream: string | null }> {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const match of source.matchAll(/(\d+)\s+0\s+obj\b([\s\S]*?)\bendobj/g)) {
    const body = match[2]!;
    const streamAt = body.indexOf('stream\n');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const offset = match.index! + match[0].indexOf(body) + streamAt + 'stream\n'.length;
    const end = pdf.indexOf('\nendstream', offset);
    const data = pdf.subarray(offset, end);
    let stream: string;
    try {
      stream = inflateSync(data).toString('latin1');
    } catch {
      stream = data.toString('latin1');
    }
    objects.set(Number(match[1]), { dict: body.slice(0, streamAt), stream });
  }
  return objects;
}

/** `<0000> <0003> [<0041> <0062> <0066 0069> <0020>]`: codes to the characters they show. */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>\s*\[([^\]]*)\]/g)) {
    const first = parseInt(range[1]!, 16);
    [...range[2]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((entry, index) => {
      const units = entry[1]!.trim().split(/\s+/).map((unit) => parseInt(unit, 16));
      map.set(first + index, String.fromCharCode(...units));
    });
  }
  return map;
}
