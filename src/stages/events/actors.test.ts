import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveActor, actorForEntity, actorDataProblems } from './actors.js';
import { Doc, type EntityAnn } from '../../doc.js';
import { tokens } from '../tokens/index.js';

/** kind and country of the resolved actor, or null */
const kc = (phrase: string, recentCountries?: string[]) => {
  const a = resolveActor(phrase, recentCountries && { recentCountries });
  return a && [a.kind, a.country];
};

test('the curated data files define no name twice with different meanings', () => {
  assert.deepEqual(actorDataProblems(), []);
});

test('head noun says the kind, the modifier says whose', () => {
  assert.deepEqual(kc('the Syrian air defenses'), ['military', 'SYR']);
  assert.deepEqual(kc('Israeli warplanes'), ['military', 'ISR']);
  assert.deepEqual(kc("Iran's Defense Ministry"), ['government', 'IRN']);
  assert.deepEqual(kc('Kenyan police'), ['military', 'KEN']);
  assert.deepEqual(kc('Turkish troops'), ['military', 'TUR']);
  assert.deepEqual(kc('two Indian jawans'), ['military', 'IND']);
  assert.deepEqual(kc('Thai rangers'), ['military', 'THA']);
});

test('a navy\'s vessels and unmanned aerial vehicles are armed forces', () => {
  assert.deepEqual(kc('Sri Lankan navy vessels'), ['military', 'LKA']);
  assert.deepEqual(kc('two Turkish unmanned aerial vehicles'), ['military', 'TUR']);
});

test('what a side holds, past words saying what kind of holding, stands for the side', () => {
  assert.deepEqual(kc("Iran's nuclear facilities"), ['military', 'IRN']);
  assert.deepEqual(kc('Turkish military-industrial facilities'), ['military', 'TUR']);
  assert.equal(resolveActor('a civilian vehicle'), null);
});

test('the head before "of" is the head of the phrase', () => {
  assert.deepEqual(kc("Syria's Ministry of Foreign Affairs and Expatriates"), ['government', 'SYR']);
  assert.deepEqual(kc('forces of the Syrian regime'), ['military', 'SYR']);
});

test('the head comes before a preposition: "rebels in Darfur", "settlers in Hebron"', () => {
  assert.deepEqual(kc('rebels in Darfur'), ['armed_group', null]);
  assert.deepEqual(kc('Jewish settlers in the West Bank city of Hebron'), ['civilians', null]);
  assert.deepEqual(kc('Palestinian prisoners held in Israel'), ['civilians', 'PSE']);
});

test('plural heads are found by their singular', () => {
  assert.deepEqual(kc('Congolese soldiers'), ['military', 'COD']);
  assert.deepEqual(kc('Yemeni militias'), ['armed_group', 'YEM']);
  assert.deepEqual(kc('Nigerian vigilantes'), ['armed_group', 'NGA']);
});

test('people named by a modifier take its kind: military officials are military', () => {
  assert.deepEqual(kc('two Iranian military advisers'), ['military', 'IRN']);
  assert.deepEqual(kc('Iranian officials'), ['government', 'IRN']);
  assert.deepEqual(kc('foreign ministry officials'), ['government', null]);
});

test('a capital named as an actor is its government', () => {
  assert.deepEqual(kc('Tehran'), ['government', 'IRN']);
  assert.deepEqual(kc('Damascus'), ['government', 'SYR']);
  assert.equal(resolveActor('Tehran')!.name, 'Government of Iran');
  assert.deepEqual(kc('Kyiv'), ['government', 'UKR']);
  assert.deepEqual(kc('Kiev'), ['government', 'UKR']);
  assert.deepEqual(kc('Washington'), ['government', 'USA']);
  assert.equal(resolveActor('Washington')!.name, 'Government of the United States');
});

test('capitals of dependencies and common words from the country data are not actors', () => {
  assert.equal(resolveActor('Douglas'), null);
  assert.equal(resolveActor('Island'), null);
});

test('metonyms for governments and militaries', () => {
  assert.deepEqual(kc('the Kremlin'), ['government', 'RUS']);
  assert.deepEqual(kc('the White House'), ['government', 'USA']);
  assert.deepEqual(kc('the Pentagon'), ['military', 'USA']);
  assert.deepEqual(kc('Downing Street'), ['government', 'GBR']);
  assert.deepEqual(kc('Tel Aviv'), ['government', 'ISR']);
});

test("epithets for Israel, from Iranian, Arab and Palestinian usage, resolve to Israel's state or government", () => {
  assert.deepEqual(kc('the Tel Aviv regime'), ['government', 'ISR']);
  assert.equal(resolveActor('the Tel Aviv regime')!.name, 'Government of Israel');
  assert.deepEqual(kc('the Israeli regime'), ['government', 'ISR']);
  assert.deepEqual(kc('the Zionist regime'), ['government', 'ISR']);
  assert.deepEqual(kc('the Zionist entity'), ['state', 'ISR']);
  assert.deepEqual(kc('the Jewish state'), ['state', 'ISR']);
});

test("epithets for Iran, from Israeli, US and opposition usage, resolve to Iran's state or government", () => {
  assert.deepEqual(kc("the Mullahs' regime"), ['government', 'IRN']);
  assert.deepEqual(kc('the Islamic Republic'), ['state', 'IRN']);
});

test('epithets from both sides of the war in Ukraine', () => {
  assert.deepEqual(kc('the Kyiv regime'), ['government', 'UKR']);
  assert.deepEqual(kc('the Kiev regime'), ['government', 'UKR']);
  assert.deepEqual(kc('the Kiev junta'), ['government', 'UKR']);
  assert.deepEqual(kc('the Putin regime'), ['government', 'RUS']);
  assert.deepEqual(kc('the Russian Federation'), ['state', 'RUS']);
});

test('epithets for Syria and Afghanistan', () => {
  assert.deepEqual(kc('the Assad regime'), ['government', 'SYR']);
  assert.deepEqual(kc('the Syrian regime'), ['government', 'SYR']);
  assert.deepEqual(kc('the Taliban regime'), ['government', 'AFG']);
});

test('"the occupation" is whichever of Israel and Russia the article named last', () => {
  assert.deepEqual(kc('the occupation forces', ['UKR', 'RUS']), ['military', 'RUS']);
  assert.deepEqual(kc('the occupation forces', ['PSE', 'ISR', 'SYR']), ['military', 'ISR']);
  assert.deepEqual(kc('Russian occupation forces', ['ISR']), ['military', 'RUS']);
  assert.deepEqual(kc('the occupation', ['USA', 'PAN']), ['state', null]);
});

test('"the Arab nation" is the most recently mentioned Arab state, and only that', () => {
  assert.deepEqual(kc('the Arab nation', ['IRN', 'SYR', 'IRN']), ['state', 'SYR']);
  assert.equal(resolveActor('the Arab nation', { recentCountries: ['IRN', 'SYR'] })!.name, 'Syria');
  assert.deepEqual(kc("the Arab nation's air defenses", ['SYR', 'IRN']), ['military', 'SYR']);
  assert.deepEqual(kc('the Arab nation', ['IRN', 'ISR']), ['state', null]);
  assert.deepEqual(kc('the Arab nation'), ['state', null]);
});

test('"the junta" resolves only among states ruled by one', () => {
  assert.deepEqual(kc('the junta', ['THA', 'MMR', 'CHN']), ['government', 'MMR']);
  assert.deepEqual(kc('the junta', ['FRA']), ['government', null]);
});

test('"the country" needs its article to refer back; "the Syrian nation" names Syria itself', () => {
  assert.deepEqual(kc("the country's air defenses", ['IRN', 'SYR']), ['military', 'SYR']);
  assert.deepEqual(kc('the Syrian nation', ['IRN']), ['state', 'SYR']);
});

test('armed groups by name, alias and acronym', () => {
  assert.deepEqual(kc('Hezbollah'), ['armed_group', 'LBN']);
  assert.deepEqual(kc('the Hezbollah resistance movement'), ['armed_group', 'LBN']);
  assert.deepEqual(kc('Izz ad-Din al-Qassam Brigades'), ['armed_group', 'PSE']);
  assert.equal(resolveActor('the Qassam Brigades')!.name, 'Hamas');
  assert.deepEqual(kc('Daesh'), ['armed_group', null]);
  assert.equal(resolveActor('ISIL')!.name, 'Islamic State');
  assert.deepEqual(kc('the Houthis'), ['armed_group', 'YEM']);
  assert.deepEqual(kc('Ansar Allah'), ['armed_group', 'YEM']);
  assert.deepEqual(kc('al-Shabab'), ['armed_group', 'SOM']);
  assert.deepEqual(kc('JNIM'), ['armed_group', 'MLI']);
  assert.deepEqual(kc('the Wagner Group'), ['armed_group', 'RUS']);
  assert.deepEqual(kc('RSF'), ['armed_group', 'SDN']);
});

test('the longest name wins: Kata\'ib Hezbollah is not Hezbollah, the Pakistani Taliban not the Taliban', () => {
  assert.equal(resolveActor('Kataib Hezbollah')!.name, "Kata'ib Hezbollah");
  assert.equal(resolveActor('the Pakistani Taliban')!.name, 'Tehrik-i-Taliban Pakistan');
  assert.equal(resolveActor('ISIS-K')!.name, 'Islamic State Khorasan Province');
});

test('acronyms match only in capitals', () => {
  assert.deepEqual(kc('US'), ['state', 'USA']);
  assert.equal(resolveActor('us'), null);
  assert.deepEqual(kc('IS'), ['armed_group', null]);
  assert.equal(resolveActor('is'), null);
  assert.deepEqual(kc('U.S. forces'), ['military', 'USA']);
});

test('a group with a head noun: fighters are the group, a ministry it runs is a government', () => {
  assert.deepEqual(kc('Hezbollah fighters'), ['armed_group', 'LBN']);
  assert.deepEqual(kc('Houthi rebels'), ['armed_group', 'YEM']);
  assert.deepEqual(kc('the Houthi-run health ministry'), ['government', 'YEM']);
  assert.deepEqual(kc('the Hamas-run health ministry'), ['government', 'PSE']);
});

test('state institutions and organisations', () => {
  assert.deepEqual(kc("Iran's IRGC"), ['military', 'IRN']);
  assert.deepEqual(kc('IDF soldiers'), ['military', 'ISR']);
  assert.deepEqual(kc('SANA'), ['organization', 'SYR']);
  assert.deepEqual(kc('UN officials'), ['organization', null]);
  assert.deepEqual(kc('Syrian state media'), ['organization', 'SYR']);
});

test('civilians and the people of a country', () => {
  assert.deepEqual(kc('civilians'), ['civilians', null]);
  assert.deepEqual(kc('villagers'), ['civilians', null]);
  assert.deepEqual(kc('protesters'), ['civilians', null]);
  assert.deepEqual(kc('Palestinians'), ['civilians', 'PSE']);
});

test('unidentified actors are unknown', () => {
  assert.deepEqual(kc('an anonymous military source'), ['unknown', null]);
  assert.deepEqual(kc('unidentified gunmen'), ['unknown', null]);
});

test("a state office whose country goes unsaid is the report's country's; one held abroad or named as another's is not", () => {
  const home = (phrase: string) => resolveActor(phrase, { homeCountry: 'KEN' })?.country ?? null;
  assert.equal(home('Interior Minister Paul Otieno'), 'KEN');
  assert.equal(home('Government spokeswoman Mary Wanjiru'), 'KEN');
  assert.equal(home('Police spokesman John Kamau'), 'KEN');
  // (with no report country, none)
  assert.equal(resolveActor('Interior Minister Paul Otieno')?.country, null);
  assert.equal(home('Special Envoy Peter Hall'), null);
  assert.equal(home('Secretary-General Ana Ruiz'), null);
  assert.equal(home('UN Secretary-General Ana Ruiz'), null);
  assert.equal(home('Ugandan Foreign Minister Paul Otieno'), 'UGA');
});

test('people: a leader alone is a person, as a modifier gives the country', () => {
  assert.deepEqual(kc('President Bashar al-Assad'), ['person', 'SYR']);
  assert.deepEqual(kc('the Netanyahu government'), ['government', 'ISR']);
  assert.deepEqual(kc("Putin's army"), ['military', 'RUS']);
});

test('a title before a personal name makes a person, of the country named before the title', () => {
  assert.deepEqual(resolveActor('Israeli Prime Minister Ehud Barak'), { name: 'Ehud Barak', country: 'ISR', kind: 'person', entity: null });
  assert.deepEqual(resolveActor('President Omar Hassan al-Bashir'), {
    name: 'Omar Hassan al-Bashir',
    country: null,
    kind: 'person',
    entity: null,
  });
  assert.deepEqual(kc("Iran's deputy defense minister Hamzeh Qalandari"), ['person', 'IRN']);
  assert.deepEqual(kc('Foreign Minister Abbas Araghchi'), ['person', 'IRN']);
  assert.deepEqual(kc('Hezbollah leader Hassan Nasrallah'), ['person', 'LBN']);
  assert.equal(resolveActor('Israeli Air Force F-16'), null);
  assert.equal(resolveActor('U.S. Secretary of State Warren Christopher')!.name, 'Warren Christopher');
  assert.equal(resolveActor('Lt. Gen. Prosper Avril')!.name, 'Prosper Avril');
  assert.deepEqual(kc('Syrian Air Defense Forces'), ['military', 'SYR']);
});

test('"anti-", "pro-" and "-backed" make a country a stance, not an owner; "-led" does not', () => {
  assert.deepEqual(kc('Iran-backed militias'), ['armed_group', null]);
  assert.deepEqual(kc('the Saudi-led coalition'), ['military', 'SAU']);
  assert.deepEqual(kc('an anti-Syria journalist'), ['civilians', null]);
  assert.deepEqual(kc('pro-Russian separatists'), ['armed_group', null]);
  assert.deepEqual(kc('Russian separatists'), ['armed_group', 'RUS']);
});

test('"armed" is a stance only when hyphenated to the country: "Iran-armed" militias are not Iran\'s, "Turkish armed drones" are Turkey\'s', () => {
  assert.deepEqual(kc('Iran-armed militias'), ['armed_group', null]);
  assert.deepEqual(kc('Turkish armed drones'), ['military', 'TUR']);
  assert.deepEqual(kc('US backed forces'), ['military', null]);
});

test('phrases that name no actor give null', () => {
  assert.equal(resolveActor('Israeli airstrikes'), null);
  assert.equal(resolveActor('the capital'), null);
  assert.equal(resolveActor('Latin America'), null);
  assert.equal(resolveActor(''), null);
});

test('countries and their state', () => {
  assert.deepEqual(kc('Syria'), ['state', 'SYR']);
  assert.deepEqual(kc('the United States'), ['state', 'USA']);
  assert.deepEqual(kc('Turkey'), ['state', 'TUR']);
  assert.deepEqual(kc('Israel'), ['state', 'ISR']);
});

const ent = (e: Partial<EntityAnn> & Pick<EntityAnn, 'name' | 'type'>): EntityAnn => ({
  id: 'e1',
  country: null,
  role: null,
  mentions: [],
  place: null,
  ...e,
});

test('actorForEntity: a GPE country is the state; a capital or metonym use is the government', () => {
  assert.deepEqual(actorForEntity(ent({ name: 'Syria', type: 'GPE', country: 'SYR' })), {
    name: 'Syria',
    country: 'SYR',
    kind: 'state',
    entity: 'e1',
  });
  assert.deepEqual(actorForEntity(ent({ name: 'Tehran', type: 'GPE', country: 'IRN' })), {
    name: 'Government of Iran',
    country: 'IRN',
    kind: 'government',
    entity: 'e1',
  });
  const aleppo = ent({
    name: 'Aleppo',
    type: 'GPE',
    country: 'SYR',
    mentions: [{ start: 0, end: 6, first: 0, last: 1, sent: 0, use: 'metonym' }],
  });
  assert.equal(actorForEntity(aleppo)!.kind, 'government');
});

test('actorForEntity: a NORP takes the kind of the noun it modifies in the text', () => {
  const doc = new Doc('Israeli warplanes struck the area.');
  tokens.run(doc);
  const norp = ent({ name: 'Israeli', type: 'NORP', country: 'ISR', mentions: [doc.mention(0, 1)] });
  assert.deepEqual(actorForEntity(norp, doc), { name: 'Israeli warplanes', country: 'ISR', kind: 'military', entity: 'e1' });
  assert.deepEqual(actorForEntity(norp), { name: 'Israel', country: 'ISR', kind: 'state', entity: 'e1' });
});

test('actorForEntity: ORG by known name, else an organisation of its country', () => {
  assert.equal(actorForEntity(ent({ name: 'Hezbollah', type: 'ORG' }))!.kind, 'armed_group');
  assert.deepEqual(actorForEntity(ent({ name: 'Syrian Arab News Agency (SANA)', type: 'ORG' }))!.country, 'SYR');
  assert.deepEqual(actorForEntity(ent({ name: 'Acme Relief Fund', type: 'ORG', country: 'KEN' })), {
    name: 'Acme Relief Fund',
    country: 'KEN',
    kind: 'organization',
    entity: 'e1',
  });
});

test('actorForEntity: PERSON is a person of its country; places and equipment are not actors', () => {
  assert.deepEqual(actorForEntity(ent({ name: 'Hamzeh Qalandari', type: 'PERSON', country: 'IRN' })), {
    name: 'Hamzeh Qalandari',
    country: 'IRN',
    kind: 'person',
    entity: 'e1',
  });
  assert.equal(actorForEntity(ent({ name: 'Benjamin Netanyahu', type: 'PERSON' }))!.country, 'ISR');
  assert.equal(actorForEntity(ent({ name: 'Golan Heights', type: 'LOC' })), null);
  assert.equal(actorForEntity(ent({ name: 'Bavar-373', type: 'EQUIPMENT' })), null);
});

test('a country inside a context phrase decides it: "Russian occupiers" after Israel was mentioned', () => {
  assert.equal(resolveActor('Russian occupiers', { recentCountries: ['SYR', 'ISR'] })?.country, 'RUS');
  assert.equal(resolveActor('the occupiers', { recentCountries: ['SYR', 'ISR'] })?.country, 'ISR');
});

test('"IAF" is the Israeli or the Indian Air Force, whichever of the two the article names', () => {
  assert.equal(resolveActor('the IAF', { recentCountries: ['IND', 'PAK'] })?.country, 'IND');
  assert.equal(resolveActor('the IAF', { recentCountries: ['ISR', 'LBN'] })?.country, 'ISR');
  assert.equal(resolveActor('the IAF', { recentCountries: ['SYR'] })?.country, null);
});

// Armed groups of Africa, Asia, Latin America and Europe: [name, a phrase naming it otherwise, home].
const regionalGroups: [string, string, string | null][] = [
  ['Ansaroul Islam', 'Ansarul Islam fighters', 'BFA'],
  ['Katiba Macina', 'the Macina Liberation Front', 'MLI'],
  ['Lakurawa', 'Lakurawa militants', 'NGA'],
  ['Ambazonian separatists', 'the Amba Boys', 'CMR'],
  ['Ambazonia Defence Forces', 'Ambazonia Defense Forces fighters', 'CMR'],
  ['Indigenous People of Biafra', 'IPOB', 'NGA'],
  ['Eastern Security Network', 'ESN gunmen', 'NGA'],
  ['Volunteers for the Defence of the Homeland', 'VDP militiamen', 'BFA'],
  ['Koglweogo', 'Koglweogo militiamen', 'BFA'],
  ['Dozo militias', 'dozo hunters', null],
  ['Dan Na Ambassagou', 'Dan Na Amassagou', 'MLI'],
  ['Civilian Joint Task Force', 'Civilian JTF vigilantes', 'NGA'],
  ['Amotekun', 'the Amotekun Corps', 'NGA'],
  ['Azawad Liberation Front', 'the MNLA', 'MLI'],
  ['Imghad Tuareg and Allies Self-Defence Group', 'GATIA', 'MLI'],
  ['Coalition of Patriots for Change', 'CPC rebels', 'CAF'],
  ['3R', 'Return, Reclamation and Rehabilitation', 'CAF'],
  ['Union for Peace in the Central African Republic', 'Unité pour la paix en Centrafrique', 'CAF'],
  ['Popular Front for the Renaissance of the Central African Republic', 'FPRC', 'CAF'],
  ['Anti-Balaka', 'anti-balaka militiamen', 'CAF'],
  ['Ex-Seleka', 'former Séléka rebels', 'CAF'],
  ['Democratic Forces for the Liberation of Rwanda', 'FDLR rebels', 'RWA'],
  ['Nyatura', 'Nyatura militiamen', 'COD'],
  ['Mai-Mai', 'a Mayi-Mayi militia', 'COD'],
  ['Raia Mutomboki', 'Raïa Mutomboki', 'COD'],
  ['Wazalendo', 'Wazalendo fighters', 'COD'],
  ['Twirwaneho', 'Twirwaneho militia', 'COD'],
  ['RED-Tabara', 'Red Tabara rebels', 'BDI'],
  ['Zaire militia', 'the Zaïre group', 'COD'],
  ["Ahlu Sunna Wal Jama'a", 'Ahlu Sunna Waljamaa', 'SOM'],
  ['Macawisley', "Ma'awisley militias", 'SOM'],
  ['Ogaden National Liberation Front', 'ONLF', 'ETH'],
  ["Sudan People's Liberation Movement-in-Opposition", 'SPLA-IO forces', 'SSD'],
  ['Special Deterrence Force', 'the Radaa Special Deterrence Force', 'LBY'],
  ['Stability Support Apparatus', 'Stability Support Authority', 'LBY'],
  ['Tripoli Revolutionaries Brigade', 'Tripoli Revolutionaries Battalion', 'LBY'],
  ['Nawasi Brigade', 'the Nawasi militia', 'LBY'],
  ['Communist Party of India (Maoist)', 'CPI (Maoist) militants', 'IND'],
  ['Communist Party of India (Maoist)', 'Naxalites', 'IND'],
  ['United Liberation Front of Asom', 'ULFA-I', 'IND'],
  ['National Socialist Council of Nagaland', 'NSCN (IM)', 'IND'],
  ['Hizbul Mujahideen', 'Hizb-ul-Mujahideen militants', 'IND'],
  ['Arambai Tenggol', 'Arambai Tengol', 'IND'],
  ['Baloch Liberation Front', 'BLF', 'PAK'],
  ['Lashkar-e-Jhangvi', 'LeJ', 'PAK'],
  ['Jaish al-Adl', 'Jaysh al-Adl', 'IRN'],
  ['National Resistance Front of Afghanistan', 'NRF fighters', 'AFG'],
  ['Afghanistan Freedom Front', 'AFF', 'AFG'],
  ['Barisan Revolusi Nasional', 'BRN insurgents', 'THA'],
  ['Karenni Nationalities Defence Force', 'KNDF', 'MMR'],
  ['Karenni Army', 'KNPP', 'MMR'],
  ['Chin National Front', 'CNF', 'MMR'],
  ['Chinland Defense Force', 'Chinland Defence Force', 'MMR'],
  ['Arakan Rohingya Salvation Army', 'ARSA', 'MMR'],
  ['United Wa State Army', 'UWSA', 'MMR'],
  ['Restoration Council of Shan State', 'RCSS', 'MMR'],
  ['Shan State Progress Party', 'SSPP', 'MMR'],
  ["Bamar People's Liberation Army", 'BPLA', 'MMR'],
  ['Three Brotherhood Alliance', 'the Brotherhood Alliance', 'MMR'],
  ['Pyu Saw Htee', 'Pyu Saw Hti', 'MMR'],
  ['Bangsamoro Islamic Freedom Fighters', 'BIFF', 'PHL'],
  ['Maute group', 'Dawlah Islamiyah-Maute', 'PHL'],
  ['Free Papua Movement', 'West Papua National Liberation Army', 'IDN'],
  ['Shining Path', 'Sendero Luminoso', 'PER'],
  ['Los Choneros', 'Choneros gang members', 'ECU'],
  ['Los Lobos', 'Los Lobos gang', 'ECU'],
  ['Los Tiguerones', 'Tiguerones', 'ECU'],
  ['Tren de Aragua', 'TdA', 'VEN'],
  ['MS-13', 'Mara Salvatrucha', 'SLV'],
  ['Barrio 18', '18th Street gang', 'SLV'],
  ['Primeiro Comando da Capital', 'First Capital Command', 'BRA'],
  ['Comando Vermelho', 'the Red Command', 'BRA'],
  ['Gulf Cartel', 'Cártel del Golfo', 'MEX'],
  ['Los Zetas', 'the Zetas', 'MEX'],
  ['Cartel del Noreste', 'Cártel del Noreste', 'MEX'],
  ['La Familia Michoacana', 'Familia Michoacana', 'MEX'],
  ['Cárteles Unidos', 'Carteles Unidos', 'MEX'],
  ['Gran Grif', 'Gran Grif gang', 'HTI'],
  ['FARC dissidents', 'Estado Mayor Central', 'COL'],
  ['Ansaru', 'JAMBS', 'NGA'],
  ['Yan Sakai', 'Yan-Sakai vigilantes', 'NGA'],
  ['Ebube Agu', 'the Ebube Agu security outfit', 'NGA'],
  ['White Army', 'the Nuer White Army', 'SSD'],
  ['Sudan Liberation Movement', 'SLA-AW fighters', 'SDN'],
  ['Justice and Equality Movement', 'Justice and Equality Movement (JEM)', 'SDN'],
  ['United National Liberation Front', 'UNLF', 'IND'],
  ['Kuki National Army', 'Kuki National Organisation', 'IND'],
  ['Kuki-Chin National Front', 'Kuki Chin National Front', 'BGD'],
  ['Jamaat-ul-Ahrar', 'JuA', 'PAK'],
  ['Hafiz Gul Bahadur group', 'the Gul Bahadur group', 'PAK'],
  ['Lashkar-e-Islam', 'Lashkar-i-Islam', 'PAK'],
  ['Los Chapitos', 'the Chapitos', 'MEX'],
  ['La Mayiza', 'Los Mayos', 'MEX'],
  ['Autodefensas Conquistadoras de la Sierra Nevada', 'Los Pachenca', 'COL'],
  ['Comandos de la Frontera', 'Comandos de Frontera', 'COL'],
  ['Los Rastrojos', 'Rastrojos', 'COL'],
  ['FARC dissidents', 'Segunda Marquetalia', 'COL'],
];

test('armed groups of Africa, Asia and Latin America resolve by name and by alias, to their home country', () => {
  for (const [name, alias, home] of regionalGroups) {
    for (const phrase of [name, alias]) {
      const a = resolveActor(phrase);
      assert.deepEqual(a && [a.name, a.kind, a.country], [name, 'armed_group', home], phrase);
    }
  }
});

test('a group\'s name followed by its faction\'s or leader\'s name is the group', () => {
  assert.equal(resolveActor('Mai-Mai Yakutumba')!.name, 'Mai-Mai');
  assert.equal(resolveActor('the NSCN Khaplang')!.name, 'National Socialist Council of Nagaland');
  // a country after the name is not a faction's name
  assert.equal(resolveActor('Hezbollah Lebanon'), null);
});

test('"Maoists" are the rebels of the country the article is about, among those with Maoist insurgencies', () => {
  assert.deepEqual(kc('Maoists', ['IND']), ['armed_group', 'IND']);
  assert.deepEqual(kc('Maoist rebels', ['USA', 'PHL']), ['armed_group', 'PHL']);
  assert.deepEqual(kc('Maoists', ['FRA']), ['armed_group', null]);
  assert.equal(resolveActor('the Maoists', { recentCountries: ['IND'] })!.name, 'Maoist rebels');
});

test('state forces named by acronym or without their country', () => {
  const cases: [string, string, string][] = [
    ['FAMa', 'military', 'MLI'],
    ['FACA soldiers', 'military', 'CAF'],
    ['UPDF', 'military', 'UGA'],
    ["Uganda People's Defence Forces", 'military', 'UGA'],
    ['KDF troops', 'military', 'KEN'],
    ['Amhara Special Forces', 'military', 'ETH'],
    ['Liyu Police', 'military', 'ETH'],
    ['the Government of National Accord', 'government', 'LBY'],
    ['GNA forces', 'military', 'LBY'],
    ['FANB', 'military', 'VEN'],
    ['CRPF jawans', 'military', 'IND'],
    ['Assam Rifles', 'military', 'IND'],
    ['Rapid Action Battalion', 'military', 'BGD'],
    ['Akhmat special forces', 'military', 'RUS'],
    ['Kadyrovtsy', 'military', 'RUS'],
    ["Kadyrov's forces", 'military', 'RUS'],
    ['the Azov Brigade', 'military', 'UKR'],
  ];
  for (const [phrase, kind, country] of cases) assert.deepEqual(kc(phrase), [kind, country], phrase);
  assert.deepEqual(kc('AMISOM troops'), ['organization', null]);
  assert.equal(resolveActor('ATMIS')!.name, 'ATMIS');
});

test('ambiguous acronyms and words are left out: each keeps its other meaning or names no actor', () => {
  // "CPC" is China's Communist Party, not the Central African coalition; "ADF" the Allied Democratic Forces.
  assert.deepEqual(kc('CPC'), ['government', 'CHN']);
  assert.equal(resolveActor('ADF')!.name, 'Allied Democratic Forces');
  assert.equal(resolveActor('JeM')!.name, 'Jaish-e-Mohammed');
  assert.equal(resolveActor('JEM'), null);
  assert.equal(resolveActor('the Uganda People\'s Defence Force')!.kind, 'military');
  // The Combined Joint Task Force of US-led coalitions is not Nigeria's vigilantes.
  assert.notEqual(resolveActor('CJTF-OIR')?.country, 'NGA');
  // "SNA" is the Syrian National Army as often as Somalia's army.
  assert.notEqual(resolveActor('SNA')?.country, 'SOM');
  // A town in Yemen, a sea, a former country, common words and other organisations' acronyms.
  for (const phrase of ["Rada'a", 'Zaire', 'the Sea of Azov', 'Amba', 'Mai', 'Lobos', 'UPC', 'PCC', 'CV', 'CDF', 'CNA', 'OPM', 'GNA', 'CJTF', 'BIR', 'SLA', 'KNA', 'KNF', 'Pakistani border commandos', 'fama', 'cpi', 'CPI'])
    assert.notEqual(resolveActor(phrase)?.kind, 'armed_group', phrase);
  assert.equal(resolveActor('the Sea of Azov'), null);
  assert.equal(resolveActor('Zaire'), null);
});
