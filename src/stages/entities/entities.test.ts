import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc, type EntityAnn } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { entities } from './index.js';

function run(text: string): Doc {
  const doc = new Doc(text);
  tokens.run(doc);
  entities.run(doc);
  return doc;
}

/** The entity with this name or a mention with this text. */
function find(doc: Doc, name: string): EntityAnn | undefined {
  return doc.entities.find((e) => e.name === name || e.mentions.some((m) => doc.text.slice(m.start, m.end) === name));
}

function get(doc: Doc, name: string): EntityAnn {
  const e = find(doc, name);
  assert.ok(e, `no entity "${name}" in ${JSON.stringify(doc.entities.map((x) => `${x.type}:${x.name}`))}`);
  return e;
}

function texts(doc: Doc, e: EntityAnn): string[] {
  return e.mentions.map((m) => doc.text.slice(m.start, m.end));
}

test('mentions are exact token-boundary slices; place stays null and use unset', () => {
  const doc = run('TEHRAN- Hamzeh Qalandari said Syria’s air defenses downed Israeli missiles near Damascus.');
  for (const e of doc.entities) {
    assert.equal(e.place, null);
    for (const m of e.mentions) {
      assert.equal(m.start, doc.tokens[m.first].start);
      assert.equal(m.end, doc.tokens[m.last - 1].end);
      assert.equal(m.use, undefined);
    }
  }
  assert.deepEqual(
    doc.entities.map((e) => e.id),
    doc.entities.map((_, i) => `e${i + 1}`),
  );
});

test('names join across "of", "and", particles and hyphens', () => {
  const doc = run("Syria's Ministry of Foreign Affairs and Expatriates condemned the strike, while President Bashar al-Assad met Hossein Amir-Abdollahian.");
  const ministry = get(doc, 'Ministry of Foreign Affairs and Expatriates');
  assert.equal(ministry.type, 'ORG');
  assert.equal(ministry.country, 'SYR');
  assert.equal(get(doc, 'Bashar al-Assad').type, 'PERSON');
  assert.equal(get(doc, 'Hossein Amir-Abdollahian').type, 'PERSON');
});

test('model designations are equipment', () => {
  const doc = run('The missile, called “Sayyad 4B”, is paired with the Bavar-373 air defense system. Two F-16 jets and an MQ-9 Reaper drone flew over.');
  for (const name of ['Sayyad 4B', 'Bavar-373', 'F-16', 'MQ-9 Reaper']) assert.equal(get(doc, name).type, 'EQUIPMENT', name);
  assert.equal(get(doc, 'Bavar-373').country, 'IRN');
});

test('capitalised words that open a sentence are not names', () => {
  const doc = run('Additionally, the attacks continued. Referring to the talks, he left. Recent Israeli airstrikes hit the port. Attacks have been ratcheted up. Nonetheless, the incident killed two civilians. Over the last decades, Iran grew.');
  for (const junk of ['Additionally', 'Referring', 'Recent', 'Attacks', 'Nonetheless', 'Over', 'Recent Israeli']) assert.equal(find(doc, junk), undefined, junk);
  assert.equal(get(doc, 'Israeli').type, 'NORP');
  assert.equal(get(doc, 'Iran').type, 'GPE');
});

test('a title before a name becomes its role; a demonym before the title its country', () => {
  const doc = run('Israeli Prime Minister Benjamin Netanyahu spoke. Lt. Gen. Stephen Townsend and Hezbollah Secretary-General Hassan Nasrallah replied.');
  const bibi = get(doc, 'Benjamin Netanyahu');
  assert.equal(bibi.role, 'Prime Minister');
  assert.equal(bibi.country, 'ISR');
  assert.equal(get(doc, 'Israeli').type, 'NORP');
  assert.equal(get(doc, 'Stephen Townsend').role, 'Lt. Gen.');
  assert.equal(get(doc, 'Hassan Nasrallah').role, 'Secretary-General');
  assert.equal(find(doc, 'Prime Minister'), undefined);
});

test('an apposition gives the role, its possessive state the country, and surnames join the name', () => {
  const doc = run(
    'Qalandari spoke first. Hamzeh Qalandari, Iran’s deputy defense minister for international affairs, has reiterated the pledge. Later General Qalandari said more.',
  );
  const q = get(doc, 'Hamzeh Qalandari');
  assert.equal(q.type, 'PERSON');
  assert.equal(q.role, 'deputy defense minister for international affairs');
  assert.equal(q.country, 'IRN');
  assert.deepEqual(texts(doc, q), ['Qalandari', 'Hamzeh Qalandari', 'Qalandari']);
  assert.equal(doc.entities.filter((e) => e.type === 'PERSON').length, 1);
  assert.equal(q.id, 'e1');
});

test('a lower-case title before a name is a role too, and says where the person is from', () => {
  const doc = run('“We will respond,” said Iranian military spokesman Abolfazl Shekarchi. RSF leader Mohamed Hamdan Dagalo denied it.');
  const s = get(doc, 'Abolfazl Shekarchi');
  assert.equal(s.role, 'military spokesman');
  assert.equal(s.country, 'IRN');
  assert.equal(get(doc, 'Mohamed Hamdan Dagalo').role, 'RSF leader');
});

test('descriptions in appositions are roles: residents, teachers, shop owners', () => {
  const doc = run('"We cannot sleep," said Olena, a Kherson resident who asked that her surname not be used. Kawa Ahmed, a secondary school teacher, agreed.');
  assert.equal(get(doc, 'Olena').role, 'Kherson resident');
  assert.equal(get(doc, 'Olena').country, 'UKR');
  assert.equal(get(doc, 'Kawa Ahmed').role, 'secondary school teacher');
});

test('organisation cue words type unknown names; a possessive state is their country', () => {
  const doc = run("Iran's Defense Ministry unveiled a missile. The Global Conscience Network and the Sinjar Resistance Units reported it to the Northern Ledger.");
  const mod = get(doc, 'Defense Ministry');
  assert.equal(mod.type, 'ORG');
  assert.equal(mod.country, 'IRN');
  assert.equal(get(doc, 'Global Conscience Network').type, 'ORG');
  assert.equal(get(doc, 'Sinjar Resistance Units').type, 'ORG');
});

test('known organisations: aliases are one entity, with their state', () => {
  const doc = run('A source told Syria’s official news agency SANA that ISIS fighters attacked. The Islamic State later claimed it, and Daesh media said so.');
  const sana = get(doc, 'SANA');
  assert.equal(sana.type, 'ORG');
  assert.equal(sana.name, 'SANA');
  assert.equal(sana.country, 'SYR');
  const is = get(doc, 'ISIS');
  assert.deepEqual(texts(doc, is), ['ISIS', 'Islamic State', 'Daesh']);
  assert.equal(is.type, 'ORG');
});

test('an acronym and its expansion are one entity named "Expansion (ACRONYM)"', () => {
  const doc = run('The Syrian Arab News Agency (SANA) reported the strike. SANA said two soldiers died. The Rights Monitoring Group (RMG) agreed; RMG counted three.');
  const sana = get(doc, 'SANA');
  assert.equal(sana.name, 'Syrian Arab News Agency (SANA)');
  assert.equal(sana.mentions.length, 3);
  const rmg = get(doc, 'RMG');
  assert.equal(rmg.name, 'Rights Monitoring Group (RMG)');
  assert.equal(rmg.mentions.length, 3);
});

test('facilities: a cue word after a name, inside it or in lower case', () => {
  const doc = run('Jets hit Hmeimim air base and the Damascus International Airport, then the Mosul Dam.');
  assert.equal(get(doc, 'Hmeimim air base').type, 'FAC');
  assert.equal(get(doc, 'Damascus International Airport').type, 'FAC');
  assert.equal(get(doc, 'Mosul Dam').type, 'FAC');
});

test('places: states, cities and divisions are GPE with their state; regions and nature LOC', () => {
  const doc = run('Missiles were fired from the occupied Golan Heights towards Tehran, Idlib province and the U.S. base in the Gaza Strip, near the Kaja valley.');
  assert.equal(get(doc, 'Golan Heights').type, 'LOC');
  assert.deepEqual([get(doc, 'Tehran').type, get(doc, 'Tehran').country], ['GPE', 'IRN']);
  assert.equal(get(doc, 'Idlib province').type, 'GPE');
  assert.deepEqual([get(doc, 'U.S.').type, get(doc, 'U.S.').country], ['GPE', 'USA']);
  assert.equal(get(doc, 'Gaza Strip').type, 'GPE');
  assert.equal(get(doc, 'Kaja valley').type, 'LOC');
});

test('unknown places are read from the words before them', () => {
  const doc = run('Shells hit the border villages of Aitaroun and Maroun al-Ras. Protesters gathered in Kabul’s Shar-e Naw area and in Karrada.');
  for (const name of ['Aitaroun', 'Maroun al-Ras', 'Shar-e Naw', 'Karrada']) assert.equal(get(doc, name).type, 'GPE', name);
});

test('nationalities and groups are NORP with their state', () => {
  const doc = run('Palestinians and Israelis met Kurdish and Iranian officials; the Saudi envoy and the Shiite cleric came too.');
  assert.deepEqual([get(doc, 'Palestinians').type, get(doc, 'Palestinians').country], ['NORP', 'PSE']);
  assert.equal(get(doc, 'Israelis').country, 'ISR');
  assert.deepEqual([get(doc, 'Kurdish').type, get(doc, 'Kurdish').country], ['NORP', null]);
  assert.equal(get(doc, 'Saudi').country, 'SAU');
  assert.equal(get(doc, 'Shiite').type, 'NORP');
});

test('well-known people are found by their surname alone', () => {
  const doc = run('Assad met Putin in Moscow.');
  assert.deepEqual([get(doc, 'Assad').type, get(doc, 'Assad').country], ['PERSON', 'SYR']);
  assert.equal(get(doc, 'Putin').type, 'PERSON');
});

test('a given name makes an unknown pair of names a person', () => {
  const doc = run('The court sentenced Saddam Hussein and questioned Ahmed Shawqi.');
  assert.equal(get(doc, 'Saddam Hussein').type, 'PERSON');
  assert.equal(get(doc, 'Ahmed Shawqi').type, 'PERSON');
});

test('weapon names that are common words need a word about weapons nearby', () => {
  const doc = run('Ukraine received Patriot missiles. The Patriot newspaper disagreed.');
  assert.equal(doc.entities.filter((e) => e.type === 'EQUIPMENT').length, 1);
  assert.equal(texts(doc, get(doc, 'Patriot'))[0], 'Patriot');
});

test('days, months, compass words alone and events are not entities', () => {
  const doc = run('On Tuesday in May, the West marked International Mine Awareness Day in West Darfur.');
  for (const junk of ['Tuesday', 'May', 'West', 'International Mine Awareness Day']) assert.equal(find(doc, junk), undefined, junk);
  assert.equal(get(doc, 'West Darfur').type, 'GPE');
});

test('headings in capitals are not organisations, acronyms in running text are', () => {
  const doc = run('SITUATION OVERVIEW\n\nFighters of the CJTF-OIR and HRW staff arrived.');
  assert.equal(find(doc, 'OVERVIEW'), undefined);
  assert.equal(find(doc, 'SITUATION OVERVIEW'), undefined);
  assert.equal(get(doc, 'HRW').type, 'ORG');
  assert.equal(get(doc, 'CJTF-OIR').type, 'ORG');
});

test('in a headline in capitals only known names count, under their usual spelling', () => {
  const doc = run('HEZBOLLAH FIRES ROCKETS AT ISRAEL FROM SAUDI ARABIA\n\nKYIV (Reuters) - Sirens sounded.');
  assert.deepEqual(
    doc.entities.map((e) => `${e.type}:${e.name}`),
    ['ORG:Hezbollah', 'GPE:Israel', 'GPE:Saudi Arabia', 'GPE:Kyiv', 'ORG:Reuters'],
  );
});

test('country aliases, ordinals in unit names and place compounds', () => {
  const doc = run('The 33rd Front attacked the Gusau-Sokoto road as U.S. officials watched.');
  assert.equal(get(doc, '33rd Front').type, 'ORG');
  assert.equal(get(doc, 'Gusau').type, 'GPE');
  assert.equal(get(doc, 'Sokoto').type, 'GPE');
  assert.equal(get(doc, 'U.S.').country, 'USA');
});

test('the first word of a name can make it a place; words after an unknown name can type it', () => {
  const doc = run('Clashes near Deir ez-Zor and Ras al-Ain continued as Qaher missiles and the Jaysh al-Izza group were used.');
  assert.equal(get(doc, 'Deir ez-Zor').type, 'GPE');
  assert.equal(get(doc, 'Ras al-Ain').type, 'GPE');
  assert.equal(get(doc, 'Qaher').type, 'EQUIPMENT');
  assert.equal(get(doc, 'Jaysh al-Izza').type, 'ORG');
  assert.equal(get(run('A missile hit near the USS Mason on Sunday.'), 'USS Mason').type, 'EQUIPMENT');
});

test('a capitalised Arabic article written apart opens a place name', () => {
  const doc = run('Houthi forces shelled At Turbah on Monday, and fighting spread to Al Yasbil areas in Qaniyah (As Sawadiyah, Al Bayda).');
  for (const name of ['At Turbah', 'Al Yasbil', 'As Sawadiyah', 'Al Bayda']) assert.equal(get(doc, name).type, 'GPE', name);
  // "As" is also an English word: it opens no name before a known one, nor before a common word
  const english = run('As Israel pressed on, talks stalled. The talks ended As Planned, they said.');
  assert.equal(find(english, 'As Israel'), undefined);
  assert.equal(get(english, 'Israel').type, 'GPE');
  assert.equal(find(english, 'As Planned'), undefined);
});

test('names listed in brackets after a place are places, and so is a name before bracketed places', () => {
  const doc = run('Two shells hit Qaryat Bani Saad (Wadi Sirr, Sanaa) and Majzar (Rahabah, Marib) overnight.');
  for (const name of ['Qaryat Bani Saad', 'Wadi Sirr', 'Majzar', 'Rahabah']) assert.ok(['GPE', 'LOC'].includes(get(doc, name).type), name);
  // a person's name with a bracketed organisation is no place
  const person = run('The spokesman, Yahya Saree (Houthi), said so.');
  assert.notEqual(find(person, 'Yahya Saree')?.type, 'GPE');
});

test('"the town of" outweighs a given name inside the name; "Molotov cocktails" are no place', () => {
  const doc = run('Youths hurled Molotov cocktails at a police vehicle near the town of Abu Dis.');
  assert.equal(get(doc, 'Abu Dis').type, 'GPE');
  assert.equal(get(doc, 'Molotov cocktails').type, 'EQUIPMENT');
  assert.equal(get(doc, 'Molotov cocktails').country, null);
  assert.equal(find(doc, 'Molotov')?.type === 'GPE', false);
});

test('a state abbreviation after a town and a comma is a place', () => {
  const doc = run('He moved from Charleston, W.Va., to Salina, Kan., and then to Springfield, IL, last year.');
  for (const name of ['W.Va.', 'Kan.', 'IL']) assert.equal(get(doc, name).type, 'GPE', name);
  // not after a person's name
  const person = run('The rule was backed by Sen. Joe Manchin, D-W.Va., and by the FBI, IL office heads.');
  assert.notEqual(find(person, 'IL')?.type, 'GPE');
});

test('a state abbreviation written with its dots after a locative word is a place, named as written', () => {
  const doc = run('The school opened a second campus in D.C. last year. A veteran rode his bike from Norman to D.C. in May.');
  assert.equal(get(doc, 'D.C.').type, 'GPE');
  assert.deepEqual(texts(doc, get(doc, 'D.C.')), ['D.C.', 'D.C.']);
  // a title before a name is no state
  const title = run('The award went to Miss. Jones of Tupelo.');
  assert.notEqual(find(title, 'Miss.')?.type, 'GPE');
});

test('a bracketed "(district, province)" list is places whatever stands before it', () => {
  const doc = run('Tensions rose in the tribal region (At Taffah, Al Bayda) on Monday.');
  assert.equal(get(doc, 'At Taffah').type, 'GPE');
  // a bracket of names that ends in no place is no hierarchy
  const orgs = run('The report (Amnesty, Human Rights Watch) was released.');
  assert.notEqual(find(orgs, 'Amnesty')?.type, 'GPE');
});

test('a Persian joining vowel written apart joins the name', () => {
  const doc = run('Workers protested in Masjed e Soleyman and in Kut e Abdollah on Monday.');
  assert.equal(get(doc, 'Masjed e Soleyman').type, 'GPE');
  assert.ok(find(doc, 'Kut e Abdollah'));
  assert.equal(find(doc, 'Kut'), undefined);
});

test('a word that is also a landform head names a division when the division term follows it', () => {
  const doc = run('Gunmen raided two villages in Plateau state on Sunday, and troops moved onto the plateau.');
  assert.equal(get(doc, 'Plateau state').type, 'GPE');
  assert.equal(get(doc, 'Plateau state').country, 'NGA');
  // Alone it is still the common noun.
  assert.equal(find(run('The Army said on Monday that the Plateau was quiet.'), 'Plateau'), undefined);
});

test('a place named inside an organisation’s name is a mention of that place, with its own span', () => {
  const doc = run('The Gaza Health Ministry said the toll had risen. Students of the University of Aleppo marched, and the Lafayette Police Department closed two roads in Lafayette.');
  assert.equal(get(doc, 'Gaza Health Ministry').type, 'ORG');
  const gaza = get(doc, 'Gaza');
  assert.equal(gaza.type, 'GPE');
  assert.deepEqual(texts(doc, gaza), ['Gaza']);
  assert.equal(gaza.mentions[0].start, doc.text.indexOf('Gaza Health'));
  assert.equal(get(doc, 'University of Aleppo').type, 'ORG');
  assert.equal(get(doc, 'Aleppo').country, 'SYR');
  // the nested mention joins the town the article names on its own
  assert.deepEqual(texts(doc, get(doc, 'Lafayette')), ['Lafayette', 'Lafayette']);
  assert.equal(get(doc, 'Lafayette Police Department').type, 'ORG');
});

test('no place inside a name when its words are the organisation’s own, a direction, a founder or a small namesake', () => {
  const doc = run(
    'The Federal Government of Somalia and the Northern Development Council wrote to the Bank of Canada. Jimmy Carter spoke at the Carter Center; the Meridian Press and the Kharkiv Times reported it.',
  );
  for (const no of ['Federal', 'Northern', 'Bank', 'Carter Center', 'Meridian']) assert.ok(!doc.entities.some((e) => e.type === 'GPE' && texts(doc, e).includes(no.split(' ')[0])), no);
  assert.equal(get(doc, 'Somalia').type, 'GPE');
  assert.equal(get(doc, 'Canada').type, 'GPE');
  // a city of standing names its paper even when named nowhere else
  assert.equal(get(doc, 'Kharkiv').type, 'GPE');
});

test('a facility’s name holds a place only when the article names that place on its own', () => {
  const doc = run('Fighting closed Washington Avenue. Flights left Damascus International Airport, and shells fell on Damascus.');
  assert.ok(!doc.entities.some((e) => e.type === 'GPE' && e.name === 'Washington'));
  assert.deepEqual(texts(doc, get(doc, 'Damascus')), ['Damascus', 'Damascus']);
});

test('the place in an office’s name is the division the article names: "Dnipropetrovsk region"', () => {
  const doc = run('The Dnipropetrovsk Regional Military Administration said drones struck the Dnipropetrovsk region overnight.');
  const region = get(doc, 'Dnipropetrovsk region');
  assert.deepEqual(texts(doc, region), ['Dnipropetrovsk', 'Dnipropetrovsk region']);
});

test('a place before a local office’s title stands apart from the person: governors, sheriffs, comptrollers', () => {
  const doc = run('Officials said Alaska Gov. Sarah Palin would visit. Madison County Sheriff John Harlan and Texas Comptroller Susan Combs agreed.');
  assert.equal(get(doc, 'Sarah Palin').role, 'Gov.');
  assert.equal(get(doc, 'Alaska').type, 'GPE');
  assert.equal(get(doc, 'John Harlan').role, 'Sheriff');
  assert.equal(get(doc, 'Madison County').type, 'GPE');
  assert.equal(get(doc, 'Susan Combs').role, 'Comptroller');
  assert.equal(get(doc, 'Texas').type, 'GPE');
});

test('a town the gazetteer knows by all its words keeps its first word at a sentence’s start', () => {
  const doc = run('West Chester police said the road was closed. SOUTH CHARLESTON, W.Va. -- Officials met. Ras Baalbek was shelled.');
  for (const town of ['West Chester', 'SOUTH CHARLESTON', 'Ras Baalbek']) assert.equal(get(doc, town).type, 'GPE', town);
  assert.equal(find(doc, 'Chester'), undefined);
});

test('a place opened by its cue word is in the state of the whole name, not of a town called like the cue', () => {
  const doc = run('Nine people were killed in Khan Younis. Shells fell on Tal Rifaat.');
  assert.equal(get(doc, 'Khan Younis').country, 'PSE');
  // no town called Tal in Pakistan
  assert.notEqual(get(doc, 'Tal Rifaat').country, 'PAK');
});

test('societies, clubs, boards, trusts, institutions and patrols are organisations; museums are facilities', () => {
  const doc = run(
    'The Mosul Heritage Society, the Erbil Chess Club, the Basra Water Board, the Halo Trust, the Hoover Institution and the Border Patrol sent staff to the Kyiv War Museum. Their offices in Basra and Kyiv stayed open.',
  );
  for (const org of ['Mosul Heritage Society', 'Erbil Chess Club', 'Basra Water Board', 'Halo Trust', 'Hoover Institution', 'Border Patrol']) assert.equal(get(doc, org).type, 'ORG', org);
  assert.equal(get(doc, 'Kyiv War Museum').type, 'FAC');
  // and the towns in their names are mentions of those towns
  for (const town of ['Mosul', 'Erbil', 'Basra', 'Kyiv']) assert.equal(get(doc, town).type, 'GPE', town);
});

test('a number after a road’s word is part of the road’s name; after a weapon’s, of the weapon’s', () => {
  const doc = run('Settlers stoned cars on Route 60 near Hebron, and a convoy left Highway 1 for County Road 12. Iran showed its Fateh 110 missile.');
  for (const road of ['Route 60', 'Highway 1', 'County Road 12']) assert.equal(get(doc, road).type, 'FAC', road);
  assert.equal(get(doc, 'Fateh 110').type, 'EQUIPMENT');
});

test('inside a name: a division with its head word, and the place past a direction', () => {
  const doc = run('The Anbar County Appeals Court and the Western Ukraine Relief Association met the Canadian Coast Guard.');
  assert.equal(get(doc, 'Anbar County').type, 'GPE');
  assert.equal(get(doc, 'Ukraine').type, 'GPE');
  assert.equal(find(doc, 'Canadian Coast'), undefined);
});

test('a heading in capitals keeps the towns the gazetteer knows by several words whole', () => {
  const doc = run('STRIKES HIT KHAN YOUNIS AND NEW DELHI\n\nShelling went on overnight.');
  assert.equal(get(doc, 'KHAN YOUNIS').type, 'GPE');
  assert.equal(get(doc, 'NEW DELHI').country, 'IND');
  assert.equal(find(doc, 'DELHI'), undefined);
});

test('a township is a division, whether its word is capitalised or follows the name', () => {
  const doc = run('Troops shelled Hlaing Tharyar township, and fighting reached Myawaddy Township.');
  assert.equal(get(doc, 'Hlaing Tharyar township').type, 'GPE');
  assert.equal(get(doc, 'Myawaddy Township').type, 'GPE');
});

test('"Sens." and "Reps." are titles, so a state before them stands alone and the word is no place', () => {
  const doc = run('The senators met in Kabul, and U.S. Sens. said more. Reps. Adam Smith and Mike Rogers agreed.');
  assert.equal(get(doc, 'U.S.').type, 'GPE');
  assert.equal(find(doc, 'Sens'), undefined);
  assert.equal(get(doc, 'Adam Smith').role, 'Reps.');
});

test('a town’s name that is the surname of a person named in the article is that person, save after a preposition', () => {
  const doc = run('Defence Secretary Lloyd Austin arrived on Monday. Austin said the aid would continue. Protests were held in Austin.');
  const austin = get(doc, 'Lloyd Austin');
  assert.deepEqual(texts(doc, austin), ['Lloyd Austin', 'Austin']);
  assert.equal(austin.country, 'USA');
  const town = doc.entities.find((e) => e.type === 'GPE' && e.name === 'Austin');
  assert.ok(town);
  assert.deepEqual(texts(doc, town), ['Austin']);
  assert.equal(town.mentions[0].start, doc.text.lastIndexOf('Austin'));
});

test('a name after a bearing ("south of", "north-east of") is a place, as after "near" (data/entities/cues.tsv)', () => {
  const doc = run('A drone struck a car on the road south of Kobani, and shells fell north-east of Kobani.');
  assert.equal(get(doc, 'Kobani').type, 'GPE');
});

test('a short mixed-case acronym matches only as written: "LeT" is the group, "Let us" at a sentence\'s start is no name', () => {
  const doc = run('Let us see what happens. LeT claimed the attack.');
  assert.deepEqual(
    doc.entities.filter((e) => e.type === 'ORG').map((e) => doc.text.slice(e.mentions[0].start, e.mentions[0].end)),
    ['LeT'],
  );
});
