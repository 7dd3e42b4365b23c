import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { featureCollectionSchema, type FieldErrorCode } from '@saferhood/contracts';
import { getManyValues, isMany, none } from 'stream-chain/core';
import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { AppError } from '../../http/app-error';
import type { ImportGuard } from '../../http/import-guard';

/**
 * Reading an uploaded GeoJSON FeatureCollection: shared by the imports of localities and places.
 *
 * The file is read from disk and parsed as a stream of tokens (stream-json); each feature is assembled
 * alone, checked, turned into its geometry's text and handed on in batches, so memory is bounded by a
 * batch (BATCH_FEATURES features or BATCH_BYTES of geometry, whichever comes first) and the largest
 * single feature — not by the file. The file's top level (its `type`, `crs`) is checked as it streams by.
 */

/** Features per PostGIS round trip. */
export const BATCH_FEATURES = 200;
/** Geometry text per PostGIS round trip: a batch of large polygons ends early. */
export const BATCH_BYTES = 8 * 1024 * 1024;
const READ_CHUNK_BYTES = 256 * 1024;

const featureSchema = featureCollectionSchema.shape.features.element;

/** A feature as the imports read it: its number in the file, its properties and its geometry as GeoJSON text. */
export interface SourceFeature {
  index: number;
  properties: Record<string, unknown> | null;
  geometry: string;
}

export interface FeatureSource {
  /** The `crs` member if it came before the features (read by openFeatureCollection). */
  readonly crs: unknown;
  /** A `crs` member that came after the features: known only once the batches have ended. */
  readonly lateCrs: unknown;
  /** Features read so far; once the batches have ended, the file's count. */
  readonly total: number;
  /** The features in batches; throws import_unreadable when the file is not a FeatureCollection. */
  batches(): AsyncGenerator<SourceFeature[]>;
}

const unreadable = () => new AppError('import_unreadable');

/**
 * Opens a GeoJSON file and reads up to its features (so a `crs` written before them, as GDAL and QGIS
 * write it, is known before the first batch).
 */
export async function openFeatureCollection(path: string, limits = { features: BATCH_FEATURES, bytes: BATCH_BYTES }): Promise<FeatureSource> {
  const reader = new CollectionReader(limits);
  const chunks = readTokenChunks(path);
  // Read until the features array opens (or the document ends), keeping what was read for the batches.
  const pending: SourceFeature[][] = [];
  try {
    while (!reader.hasFeatures && !reader.isDone) {
      const next = await chunks.next();
      if (next.done) break;
      pending.push(...reader.feed(next.value));
    }
  } catch (error) {
    await chunks.return(undefined);
    throw error;
  }
  return {
    get crs() {
      return reader.crsBeforeFeatures;
    },
    get lateCrs() {
      return reader.crs !== reader.crsBeforeFeatures ? reader.crs : undefined;
    },
    get total() {
      return reader.total;
    },
    async *batches() {
      try {
        yield* pending.splice(0);
        for (;;) {
          const next = await chunks.next();
          if (next.done) break;
          yield* reader.feed(next.value);
        }
        const rest = reader.finish();
        if (rest.length > 0) yield rest;
      } finally {
        // Closes the file when a pass stops early (an invalid file, a failed query).
        await chunks.return(undefined);
      }
    },
  };
}

/** The file as arrays of tokens, one array per chunk read; a syntax error is import_unreadable. */
async function* readTokenChunks(path: string): AsyncGenerator<Token[]> {
  const parse = jsonParser({ streamValues: false });
  const decoder = new StringDecoder('utf8');
  const tokensOf = (text: string | typeof none): Token[] => {
    let out;
    try {
      // `none` flushes the parser: its type only admits text.
      out = parse(text as string);
    } catch {
      throw unreadable();
    }
    return isMany(out) ? getManyValues(out) : [];
  };
  let isFirst = true;
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
    let text = decoder.write(chunk as Buffer);
    if (isFirst && text.length > 0) {
      // A byte-order mark, as some Windows tools write.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      isFirst = false;
    }
    yield tokensOf(text);
  }
  const tail = decoder.end();
  yield [...(tail ? tokensOf(tail) : []), ...tokensOf(none)];
}

/**
 * A push-fed state machine over the tokens of `{ "type": "FeatureCollection", "crs": …, "features": [ … ] }`:
 * top-level members other than `type`, `crs` and `features` are skipped without being built.
 */
class CollectionReader {
  crs: unknown = undefined;
  /** The crs as it was when the features began (all of it, if they never did). */
  crsBeforeFeatures: unknown = undefined;
  total = 0;
  hasFeatures = false;
  isInFeatures = false;
  isDone = false;
  #limits: { features: number; bytes: number };
  #depth = 0;
  #key: string | null = null;
  #type: unknown = undefined;
  /** Assembling a top-level member's value (type, crs) or a feature. */
  #assembler: Assembler | undefined;
  #assembling: 'type' | 'crs' | 'feature' | undefined;
  /** Skipping a top-level member's value: the depth it ends at. */
  #skipUntil: number | undefined;
  #batch: SourceFeature[] = [];
  #batchBytes = 0;

  constructor(limits: { features: number; bytes: number }) {
    this.#limits = limits;
  }

  /** Takes a chunk of tokens; returns the batches it completed (possibly none). */
  feed(tokens: Token[]): SourceFeature[][] {
    const ready: SourceFeature[][] = [];
    for (const token of tokens) {
      if (this.#assembler) {
        this.#assembler.consume(token);
        if (this.#assembler.done) this.#finishValue(ready);
        continue;
      }
      if (this.#skipUntil !== undefined) {
        this.#track(token);
        if (this.#depth === this.#skipUntil) this.#skipUntil = undefined;
        continue;
      }
      this.#structure(token, ready);
    }
    return ready;
  }

  /** After the last token: the last batch, or import_unreadable when the file was not a FeatureCollection. */
  finish(): SourceFeature[] {
    if (!this.isDone || this.#type !== 'FeatureCollection' || !this.hasFeatures) throw unreadable();
    const rest = this.#batch;
    this.#batch = [];
    return rest;
  }

  #structure(token: Token, ready: SourceFeature[][]): void {
    if (this.#depth === 0) {
      // The document must be an object.
      if (token.name !== 'startObject' || this.isDone) throw unreadable();
      this.#depth = 1;
      return;
    }
    if (this.isInFeatures) {
      if (token.name === 'endArray') {
        this.isInFeatures = false;
        this.#depth = 1;
        return;
      }
      this.#startValue(token, 'feature', ready);
      return;
    }
    // depth 1: the top-level object's members.
    if (token.name === 'keyValue') {
      this.#key = token.value;
      return;
    }
    if (token.name === 'endObject') {
      this.#depth = 0;
      this.isDone = true;
      return;
    }
    const key = this.#key;
    this.#key = null;
    if (key === 'features') {
      if (token.name !== 'startArray') throw unreadable();
      if (!this.hasFeatures) this.crsBeforeFeatures = this.crs;
      this.hasFeatures = true;
      this.isInFeatures = true;
      this.#depth = 2;
    } else if (key === 'type' || key === 'crs') {
      this.#startValue(token, key, ready);
    } else if (token.name === 'startObject' || token.name === 'startArray') {
      this.#skipUntil = 1;
      this.#depth = 2;
    }
  }

  #startValue(token: Token, what: 'type' | 'crs' | 'feature', ready: SourceFeature[][]): void {
    this.#assembler = new Assembler();
    this.#assembling = what;
    this.#assembler.consume(token);
    if (this.#assembler.done) this.#finishValue(ready);
  }

  #finishValue(ready: SourceFeature[][]): void {
    const value: unknown = this.#assembler!.current;
    const what = this.#assembling;
    this.#assembler = undefined;
    this.#assembling = undefined;
    if (what === 'type') this.#type = value;
    else if (what === 'crs') {
      this.crs = value;
      if (!this.hasFeatures) this.crsBeforeFeatures = value;
    }
    else this.#addFeature(value, ready);
  }

  // A per-import feature limit plugs in here: features are counted as they stream, before any database work.
  #addFeature(value: unknown, ready: SourceFeature[][]): void {
    const parsed = featureSchema.safeParse(value);
    if (!parsed.success) throw unreadable();
    const geometry = JSON.stringify(parsed.data.geometry ?? null);
    this.#batch.push({ index: this.total, properties: parsed.data.properties, geometry });
    this.total += 1;
    this.#batchBytes += geometry.length;
    if (this.#batch.length >= this.#limits.features || this.#batchBytes >= this.#limits.bytes) {
      ready.push(this.#batch);
      this.#batch = [];
      this.#batchBytes = 0;
    }
  }

  #track(token: Token): void {
    if (token.name === 'startObject' || token.name === 'startArray') this.#depth += 1;
    else if (token.name === 'endObject' || token.name === 'endArray') this.#depth -= 1;
  }
}

/**
 * Runs a pass over the file's features in its projection: forced, else the `crs` member, else WGS84.
 * A `crs` member written after the features (rare) is only known at the end; if it names another
 * projection, the pass runs again in that one — so a pass must not write.
 */
export async function passOverFeatures<T>(
  path: string,
  forcedSrid: 4326 | 5514 | undefined,
  pass: (source: FeatureSource, srid: 4326 | 5514) => Promise<T>,
): Promise<{ result: T; srid: 4326 | 5514; total: number }> {
  const source = await openFeatureCollection(path);
  const srid = forcedSrid ?? sridOf(source.crs) ?? 4326;
  const result = await pass(source, srid);
  const late = forcedSrid === undefined && source.lateCrs !== undefined ? (sridOf(source.lateCrs) ?? 4326) : srid;
  if (late === srid) return { result, srid, total: source.total };
  const again = await openFeatureCollection(path);
  return { result: await pass(again, late), srid: late, total: again.total };
}

/**
 * Before each batch's database work: the features counted so far against the row limit (a file over it
 * is refused while streaming, before the rest is read), and a chance to stop (client gone, deadline).
 */
export async function guardBatch(guard: ImportGuard, source: FeatureSource): Promise<void> {
  guard.assertRows(source.total);
  await guard.checkpoint();
}

/**
 * The writing pass of a commit: reads the file again and hands each planned feature its geometry, in
 * file order, with a chance to stop between batches (client gone, deadline).
 */
export async function writePlannedFeatures<Feature extends { index: number }>(
  path: string,
  planned: Feature[],
  guard: ImportGuard,
  write: (feature: Feature, geometry: string) => Promise<void>,
): Promise<void> {
  const byIndex = new Map(planned.map((feature) => [feature.index, feature]));
  const source = await openFeatureCollection(path);
  for await (const batch of source.batches()) {
    await guard.checkpoint();
    for (const { index, geometry } of batch) {
      const feature = byIndex.get(index);
      if (feature) await write(feature, geometry);
    }
  }
}

/** EPSG code from a GeoJSON 2008 `crs` member: "EPSG:5514", "urn:ogc:def:crs:EPSG::5514", CRS84. */
export function sridOf(crs: unknown): 4326 | 5514 | undefined {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/(EPSG:+|EPSG\/0\/)5514$/i.test(name) || /(EPSG:+)(2065|102067)$/i.test(name)) return 5514;
  if (/CRS84$|EPSG:+4326$/i.test(name)) return 4326;
  return undefined;
}

export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().slice(0, 200);
  return trimmed.length > 0 ? trimmed : null;
}

/** A feature that passed its checks, matched (or not) to an existing row by its code. */
export interface PlannedFeature<Match> {
  index: number;
  name: string;
  code: string | null;
  match: Match | undefined;
  action: 'create' | 'update';
}

/** Matches accepted features to existing rows on their code: those found are updated, the rest created. */
export function planFeatures<Feature extends { index: number; name: string | null; code: string | null }, Match>(
  accepted: Feature[],
  existing: Map<string, Match>,
): (Omit<Feature, 'name'> & PlannedFeature<Match>)[] {
  return accepted.map((feature) => {
    const match = feature.code ? existing.get(feature.code) : undefined;
    return { ...feature, name: feature.name!, match, action: match ? ('update' as const) : ('create' as const) };
  });
}

/** The preview's counts and list; on a commit, any invalid feature refuses all unless skipping was asked for. */
export function summariseImport(
  planned: PlannedFeature<unknown>[],
  invalid: { index: number; code: FieldErrorCode; params?: Record<string, unknown> }[],
  options: { dryRun: boolean; skipInvalid: boolean; total: number },
) {
  if (!options.dryRun && invalid.length > 0 && !options.skipInvalid) {
    throw new AppError('import_has_invalid_features', {
      fields: invalid.map(({ index, code, params }) => ({ field: `features.${index}`, code, ...(params ? { params } : {}) })),
    });
  }
  return {
    dryRun: options.dryRun,
    total: options.total,
    created: planned.filter((feature) => feature.action === 'create').length,
    updated: planned.filter((feature) => feature.action === 'update').length,
    invalid,
    features: planned.map(({ index, name, code, action }) => ({ index, name, code, action })),
  };
}
