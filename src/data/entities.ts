// data/entities/: what types a name (cues, titles, known names, nationalities, given names).
import { z } from 'zod';
import { EntityType } from '../contract.js';
import { tsv, yaml } from './read.js';
import { Alpha3, Alpha3OrNone, Field } from './codes.js';

const Known = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  country: Alpha3.nullable().optional(),
});

export const files = {
  'entities/titles.tsv': tsv(
    z.strictObject({
      title: Field,
      kind: z.enum(['political', 'military', 'police', 'religious', 'royal', 'honorific', 'media', 'generic', 'adjective', 'descriptor']),
    }),
  ),
  'entities/cues.tsv': tsv(
    z.strictObject({
      cue: Field,
      type: z.enum([...EntityType.options, 'SKIP']),
      position: z.enum(['head', 'of', 'start', 'suffix', 'after', 'before', 'near', 'number']),
    }),
  ),
  'entities/nationalities.tsv': tsv(z.strictObject({ form: Field, country: Alpha3OrNone })),
  'entities/places.tsv': tsv(z.strictObject({ name: Field, type: z.enum(['GPE', 'LOC', 'FAC']), country: Alpha3OrNone })),
  'entities/given-names.tsv': tsv(z.strictObject({ name: Field })),
  'entities/not-names.tsv': tsv(z.strictObject({ word: Field, where: z.enum(['edge', 'alone']) })),
  'entities/organisations.yaml': yaml(
    z.array(
      Known.extend({ kind: z.enum(['news', 'intergovernmental', 'government', 'military', 'armed_group', 'party', 'ngo', 'company']) }).strict(),
    ),
  ),
  'entities/equipment.yaml': yaml(z.array(Known.extend({ kind: z.enum(['air_defence', 'aircraft', 'armour', 'artillery', 'drone', 'missile', 'rocket', 'small_arms', 'vehicle', 'ship']) }).strict())),
  'entities/people.yaml': yaml(z.array(Known)),
};
