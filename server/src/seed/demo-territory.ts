import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { withTenant } from '../db/scope';
import type { DB } from '../db/schema';
import type { Actor } from '../http/actor';
import { seedTerritory } from '../modules/territory/index';

const read = (file: string) => readFileSync(new URL(`./data/${file}`, import.meta.url));

/** A rough ring around a centre: `radius` metres, `sides` corners, slightly irregular so it looks drawn. */
function ringAround(lon: number, lat: number, radius: number, sides = 7): number[][] {
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  const ring = Array.from({ length: sides }, (_, i) => {
    const angle = (2 * Math.PI * i) / sides;
    const r = radius * (0.8 + 0.4 * ((i * 37) % 10) / 10);
    return [
      Math.round((lon + (r * Math.cos(angle)) / metresPerDegreeLon) * 1e6) / 1e6,
      Math.round((lat + (r * Math.sin(angle)) / metresPerDegreeLat) * 1e6) / 1e6,
    ];
  });
  return [...ring, ring[0]!];
}

const LOCALITIES = [
  { name: 'Na Knížecí – Anděl', kind: 'other_risk', centre: [14.4022, 50.0692], radius: 380, description: 'Přestupní uzel a okolí autobusového nádraží; noční klid, drobné krádeže.' },
  { name: 'Radlice – ubytovny', kind: 'socially_excluded', centre: [14.3885, 50.0585], radius: 420, description: 'Tři komerční ubytovny a přilehlé ulice.' },
  { name: 'Hlubočepy – Dívčí hrady', kind: 'at_risk', centre: [14.3925, 50.0425], radius: 500, description: 'Panelová zástavba, zadlužené domácnosti.' },
  { name: 'Barrandov – sídliště', kind: 'at_risk', centre: [14.3725, 50.0325], radius: 650, description: null },
];

const PLACES = [
  { name: 'Přechod u ZŠ Grafická', kind: 'school_crossing', geometry: { type: 'Point', coordinates: [14.3972, 50.0736] } },
  { name: 'Autobusové nádraží Na Knížecí', kind: 'transport_hub', geometry: { type: 'Point', coordinates: [14.4016, 50.0687] } },
  { name: 'Ubytovna Radlická', kind: 'hostel', geometry: { type: 'Point', coordinates: [14.3892, 50.0581] } },
  { name: 'Park Sacre Coeur', kind: 'park', geometry: { type: 'Point', coordinates: [14.3985, 50.0668] } },
  { name: 'Úřad práce Smíchov', kind: 'public_office', geometry: { type: 'Point', coordinates: [14.4041, 50.0712] } },
  {
    name: 'Cyklostezka podél Vltavy',
    kind: 'bike_path',
    geometry: { type: 'LineString', coordinates: [[14.4112, 50.0601], [14.4104, 50.0648], [14.4096, 50.0712]] },
  },
] as const;

/** Indicator, unit and the values per year (Liberec-like figures, scaled to each locality). */
const INDICATORS = [
  { name: 'Obyvatelé', unit: 'osob', city: [86_000, 85_600, 85_300, 85_900, 86_200], perLocality: [1_900, 1_450, 3_800, 6_200] },
  { name: 'Osoby ohrožené sociálním vyloučením', unit: 'osob', city: [2_400, 2_550, 2_610, 2_580, 2_490], perLocality: [150, 620, 410, 380] },
  { name: 'Osoby bez domova', unit: 'osob', city: [110, 118, 125, 120, 104], perLocality: [45, 22, 6, 4] },
  { name: 'Lůžka v komerčních ubytovnách', unit: 'lůžek', city: [640, 655, 610, 590, 560], perLocality: [80, 410, 30, 0] },
  { name: 'Osoby v exekuci', unit: 'osob', city: [9_800, 9_950, 10_020, 9_870, 9_640], perLocality: [260, 540, 910, 1_120] },
];
const YEARS = [2021, 2022, 2023, 2024, 2025];

/**
 * Demo City's territory: its area (Prague 5's real boundary), four invented localities inside it,
 * places of duty, five years of indicators and the real police sample (offences outside the area are
 * counted and skipped). Runs once: only while the city has no localities.
 */
export async function seedDemoTerritory(db: Kysely<DB>, tenantId: string, coordinatorId: string): Promise<boolean> {
  const actor: Actor = { userId: coordinatorId, tenantId, role: 'coordinator', sessionId: 'seed' };
  const districts = JSON.parse(read('praha-districts.geojson').toString('utf8'));
  const area = districts.features.find((feature: { properties: { ob: string } }) => feature.properties.ob === 'Praha 5').geometry;
  return withTenant(db, tenantId, (tx) =>
    seedTerritory(tx, actor, {
      area,
      localities: LOCALITIES.map(({ centre, radius, ...locality }) => ({
        ...locality,
        boundary: { type: 'Polygon' as const, coordinates: [ringAround(centre[0]!, centre[1]!, radius)] as [number, number][][] },
      })),
      places: PLACES.map((place) => ({ ...place, geometry: place.geometry as never })),
      indicators: INDICATORS.map((indicator) => ({
        name: indicator.name,
        unit: indicator.unit,
        values: YEARS.flatMap((year, index) => [
          { date: `${year}-12-31`, value: String(indicator.city[index]), source: 'Demo: městská statistika' },
          ...indicator.perLocality.map((base, locality) => ({
            locality,
            date: `${year}-12-31`,
            value: String(Math.round(base * (1 + ((index - 2) * (locality % 2 === 0 ? 0.04 : -0.03))))),
            source: 'Demo: terénní šetření',
          })),
        ]),
      })),
      crimeData: read('sample-2026-07-praha.csv'),
    }),
  );
}
