// data/gazetteer/: curated places and spellings (read when the index is built) and the cues of
// geoparsing (read at run time): division terms, directions, head words, qualifiers, toponym use.
import { z } from 'zod';
import { Precision } from '../contract.js';
import { tsv, yaml } from './read.js';
import { Alpha2, Decimal, Field, Words } from './codes.js';

/** Compass points a direction word names (c = centre). */
export const COMPASS = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'c'] as const;

const ToponymUse = z.strictObject({
  locative_prepositions: Words,
  locative_frames: Words,
  geographic_nouns: Words,
  epithet_heads: Words,
  attribute_heads: Words,
  compound_heads: Words,
  place_heads: Words,
  skippable_modifiers: Words,
  relational_nouns: Words,
  relational_prepositions: Words,
  metonymic_frames: z.array(Words.min(1)),
  locative_subject_verbs: Words,
  copula_verbs: Words,
  passive_metonym_verbs: Words,
  locative_predicate_nouns: Words,
});

const Anchors = z.strictObject({
  relations: Words,
  approximately: Words,
  distance_units: Words,
  frame_words: Words,
  city_words: Words,
  locative: Words,
});

export const files = {
  'gazetteer/anchors.yaml': yaml(Anchors),
  'gazetteer/admin-terms.tsv': tsv(z.strictObject({ term: Field })),
  'gazetteer/aliases.tsv': tsv(z.strictObject({ alias: Field, geonameid: z.string().regex(/^\d+$/, 'not a GeoNames id').transform(Number), note: z.string() })),
  'gazetteer/country-centres.tsv': tsv(z.strictObject({ country: Alpha2, lat: Decimal, lon: Decimal, source: Field })),
  'gazetteer/directions.tsv': tsv(z.strictObject({ word: Field, compass: z.enum(COMPASS) })),
  'gazetteer/heads.tsv': tsv(
    z.strictObject({
      head: Field,
      kind: z.enum(['facility', 'quarter', 'admin', 'water', 'terrain']),
      precision: z.union([z.literal(''), Precision]),
      position: z.enum(['suffix', 'lead']),
    }),
  ),
  'gazetteer/qualifiers.tsv': tsv(z.strictObject({ abbreviation: Field, country: Alpha2, admin1: Field })),
  'gazetteer/regions.tsv': tsv(
    z.strictObject({
      name: Field,
      aliases: z.string(),
      lat: Decimal,
      lon: Decimal,
      country: z.union([z.literal(''), Alpha2]),
      precision: z.union([z.literal(''), Precision]),
      anchor: z.string(),
      source: Field,
    }),
  ),
  'gazetteer/toponym-use.yaml': yaml(ToponymUse),
  'gazetteer/transliteration-words.tsv': tsv(z.strictObject({ word: Field, fold: Field, note: Field })),
  'gazetteer/import-features.tsv': tsv(z.strictObject({ class: z.string().regex(/^[AHLPRSTUV]$/, 'not a GeoNames feature class'), code: z.string().regex(/^[A-Z0-9]{2,6}$/, 'not a GeoNames feature code'), note: Field })),
};
