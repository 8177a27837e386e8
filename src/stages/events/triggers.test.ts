// The trigger lexicon (data/events/triggers.yaml) and the casualty words (data/events/casualties.yaml)
// through the whole pipeline: one short sentence per pattern and the kind of event it must yield,
// sentences for the senses a pattern must not take ("a general strike" is no air strike), and a
// check that every pattern in the file is exercised by some sentence here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotate, extract } from '../../pipeline.js';
import { normalise } from '../../normalise/index.js';
import { NO_EVENT, triggers } from './triggers.js';
import { data } from '../../data/index.js';

interface Row {
  text: string;
  /** a kind the sentence must yield */
  kind: string;
  /** kinds it must not yield */
  not?: string[];
}

const PUBLISHED = '2024-03-06';

const ROWS: Row[] = [
  // air_strike
  { text: 'An Israeli airstrike hit a house in Rafah on Monday.', kind: 'air_strike' },
  { text: 'An air raid on Aleppo killed three people on Monday.', kind: 'air_strike' },
  { text: 'The coalition launched on Monday twelve raids on Saada province.', kind: 'air_strike' },
  { text: 'An air-strike hit a market in Idlib on Monday.', kind: 'air_strike' },
  { text: 'An aerial bombardment hit Khartoum on Monday.', kind: 'air_strike' },
  { text: 'An Israeli aerial aggression targeted sites near Hama on Monday, state media said.', kind: 'air_strike' },
  { text: 'Russian warplanes pounded Idlib on Monday.', kind: 'air_strike', not: ['shelling'] },
  { text: 'An army aircraft eliminated two militants near Jenin on Monday.', kind: 'air_strike' },
  { text: 'The army bombed rebel positions near El Fasher on Monday.', kind: 'air_strike' },
  { text: 'Russian forces used glide bombs against Kupiansk on Monday.', kind: 'air_strike', not: ['ied_explosion'] },
  { text: 'Government forces dropped barrel bombs on Daraya on Monday.', kind: 'air_strike', not: ['ied_explosion'] },
  { text: 'Israel struck targets in southern Lebanon on Monday.', kind: 'air_strike' },
  // other_development: coups
  { text: 'The army seized power in a coup in Niamey on Monday.', kind: 'other_development', not: ['nonstate_overtakes_territory'] },
  // power taken by insurgents is the state's ground overtaken, not a coup
  { text: 'The insurgents seized power in the capital on Monday after the president fled.', kind: 'nonstate_overtakes_territory', not: ['other_development'] },
  { text: 'The junta, which seized power in 2021 and hired Wagner fighters, met on Monday.', kind: 'other_development', not: ['nonstate_overtakes_territory'] },
  { text: 'Officers took power in Conakry on Monday, dissolving the government.', kind: 'other_development' },
  { text: 'Soldiers staged a putsch in Ouagadougou on Monday.', kind: 'other_development' },
  // drone_strike
  { text: 'A drone strike killed two fighters near Marib on Monday.', kind: 'drone_strike' },
  { text: 'Ukrainian drones struck an oil depot in Belgorod on Monday.', kind: 'drone_strike' },
  { text: 'Russia launched kamikaze drones at Kyiv on Monday.', kind: 'drone_strike' },
  // missile_attack
  { text: 'Rebels fired an RPG at an army checkpoint near Daraa on Monday.', kind: 'missile_attack' },
  { text: 'A guided missile hit an army truck near Saraqib on Monday.', kind: 'missile_attack' },
  { text: 'Two rockets were fired from the Gaza Strip toward Ashkelon on Monday, the army said.', kind: 'missile_attack' },
  { text: 'A ballistic missile had been launched at Marib city on Monday.', kind: 'missile_attack' },
  { text: 'Three launches were identified crossing from the Gaza Strip on Monday, the army said.', kind: 'missile_attack' },
  { text: 'About twenty projectiles crossed from Lebanon into the Galilee on Monday, the army said.', kind: 'missile_attack' },
  { text: 'Air defences intercepted a cruise missile launched by the rebels toward Eilat on Monday.', kind: 'missile_attack' },
  { text: 'Artillery shells hit the village of Aitaroun on Monday.', kind: 'shelling' },
  { text: 'Rebels dropped explosives from a drone onto an army post near Hpakant on Monday.', kind: 'drone_strike' },
  { text: 'A quadcopter dropped grenades on soldiers near Tibu on Monday.', kind: 'drone_strike' },
  { text: 'Militants used a suicide drone against a base near Tal Tamr on Monday.', kind: 'drone_strike' },
  { text: 'The militia fired a dozen drones at the port of Yanbu late on Monday.', kind: 'drone_strike' },
  { text: 'Moscow sent drones to its ally last year, the report said.', kind: 'arms_transfer', not: ['drone_strike'] },
  // the second half of a hyphenated modifier describes the weapon: no transfer told
  { text: 'The army said rebels in Cauca used Venezuelan-supplied rockets in the attack on Monday.', kind: 'missile_attack', not: ['arms_transfer'] },
  // "met with" in the passive is how something was received, not a meeting
  { text: 'Protesters in Lima were met with tear gas on Monday.', kind: 'protest_with_intervention', not: ['consultation'] },
  { text: 'An anti-tank missile destroyed a bulldozer near Kafranbel on Monday.', kind: 'missile_attack' },
  { text: 'A missile attack on Kramatorsk killed four people on Monday.', kind: 'missile_attack' },
  { text: 'A rocket barrage hit Sderot on Monday.', kind: 'missile_attack' },
  { text: 'Rocket fire was reported in Sderot on Monday.', kind: 'missile_attack' },
  { text: 'Hezbollah fired rockets at Metula on Monday.', kind: 'missile_attack' },
  { text: 'A rocket landed near the US embassy in Baghdad on Monday.', kind: 'missile_attack' },
  { text: 'The port of Odesa was hit by Russian missiles on Monday.', kind: 'missile_attack' },
  { text: 'Two rockets were fired from Gaza toward Sderot on Monday.', kind: 'missile_attack' },
  // shelling
  { text: 'Government forces fired 20 artillery shells at Kafr Nabl on Monday.', kind: 'shelling' },
  { text: 'Militiamen fired heavy weapons at a residential area of Hodeidah on Monday.', kind: 'shelling' },
  { text: 'The army responded to the sources of the fire near Kadugli on Monday.', kind: 'shelling', not: ['armed_clash'] },
  { text: 'Heavy machine gun fire hit houses in Taiz on Monday.', kind: 'shelling' },
  { text: 'Machine-gun fire hit houses in Taiz on Monday.', kind: 'shelling' },
  { text: 'Russian forces shelled Kherson on Monday.', kind: 'shelling' },
  { text: 'Artillery pounded the outskirts of Kharkiv on Monday.', kind: 'shelling' },
  { text: 'Artillery fire hit Nikopol on Monday.', kind: 'shelling' },
  { text: 'Mortar rounds hit a market in Mogadishu on Monday.', kind: 'shelling' },
  { text: 'Troops fired dozens of rounds of artillery at Bakhmut on Monday.', kind: 'shelling' },
  { text: 'Tank fire hit houses in Jenin on Monday.', kind: 'shelling' },
  { text: 'Insurgents detonating a pylon near Baiji cut power to the town on Monday.', kind: 'ied_explosion' },
  { text: 'Two boys were killed near Lashkar Gah on Monday when an unexploded mortar shell they had picked up went off.', kind: 'ied_explosion', not: ['shelling'] },
  // armed_clash
  { text: 'Army units captured three insurgents near Baiji on Monday.', kind: 'armed_clash', not: ['abduction', 'nonstate_overtakes_territory'] },
  { text: 'Kurdish forces captured 4 IS operatives trying to cross into Hasakah on Monday.', kind: 'armed_clash' },
  { text: 'Rebels exchanged artillery with government forces on the frontline near Marib on Monday.', kind: 'armed_clash', not: ['shelling'] },
  { text: 'Exchanges of artillery were reported on the front near Avdiivka on Monday.', kind: 'armed_clash', not: ['shelling'] },
  { text: 'Soldiers returned fire after gunmen attacked a checkpoint near Arish on Monday.', kind: 'armed_clash' },
  { text: 'Government forces responded to rebel shelling near Marib on Monday.', kind: 'armed_clash', not: ['shelling'] },
  { text: 'Troops fought militants near Jowhar on Monday. Hours later, militants fired mortar shells at the army base in Jowhar.', kind: 'shelling' },
  { text: 'Gunmen opened fire on a convoy of civilians near Arish on Monday, killing 12 people.', kind: 'attack_on_civilians', not: ['armed_clash'] },
  { text: 'Police fired back when gunmen attacked their station in Arish on Monday.', kind: 'armed_clash' },
  { text: 'A shelling exchange between the two armies was reported near Kupiansk on Monday.', kind: 'armed_clash', not: ['shelling'] },
  { text: 'Rebels shelled army positions near Marib on Monday. The soldiers fired back, killing several rebels.', kind: 'armed_clash', not: ['shelling'] },
  { text: 'Gunmen opened fire on an army checkpoint near Arish on Monday.', kind: 'armed_clash', not: ['attack_on_civilians'] },
  { text: 'Gunmen shot dead a member of the Republican Guard in Tikrit on Monday.', kind: 'armed_clash', not: ['attack_on_civilians'] },
  { text: 'Gunmen shot dead a member of the city council in Tikrit on Monday.', kind: 'attack_on_civilians', not: ['armed_clash'] },
  { text: 'Militiamen assaulted a nurse in Aden on Monday.', kind: 'attack_on_civilians', not: ['armed_clash'] },
  { text: 'At least 14 civilians were killed in an attack on Oicha on Monday.', kind: 'attack_on_civilians', not: ['armed_clash'] },
  { text: 'The bodies of two farmers with gunshot wounds were found near Kirkuk on Monday.', kind: 'attack_on_civilians' },
  { text: 'Government troops thwarted a rebel incursion near Marib on Monday.', kind: 'armed_clash', not: ['interception'] },
  { text: 'The militia repelled an attack by tribal fighters on its positions near Kutum on Monday.', kind: 'armed_clash', not: ['interception'] },
  { text: 'Troops conducted an incursion into Rafah on Monday.', kind: 'armed_clash' },
  { text: 'The army carried out an operation against Islamic State near Kirkuk on Monday.', kind: 'armed_clash' },
  { text: 'Soldiers killed three militants near Kirkuk on Monday.', kind: 'armed_clash', not: ['attack_on_civilians'] },
  { text: 'A soldier was shot dead by a sniper near Kirkuk on Monday.', kind: 'armed_clash', not: ['attack_on_civilians'] },
  { text: 'Troops clashed with al-Shabaab fighters near Jowhar on Monday.', kind: 'armed_clash' },
  { text: 'A gunbattle broke out in Gao on Monday.', kind: 'armed_clash' },
  { text: 'A gun battle broke out in Gao on Monday.', kind: 'armed_clash' },
  { text: 'A gun-battle broke out in Gao on Monday.', kind: 'armed_clash' },
  { text: 'A shoot-out broke out in Gao on Monday.', kind: 'armed_clash' },
  { text: 'Heavy combat was reported in Bakhmut on Monday.', kind: 'armed_clash' },
  { text: 'Israeli and Hezbollah forces exchanged fire near Metula on Monday.', kind: 'armed_clash' },
  { text: 'Exchanges of gunfire were reported near Tibu on Monday.', kind: 'armed_clash' },
  { text: 'Jihadists ambushed a convoy near Boni on Monday.', kind: 'armed_clash' },
  { text: 'Al-Shabaab fighters attacked an army base in Jowhar on Monday.', kind: 'armed_clash' },
  { text: 'Rebels targeted an army convoy near Kidal on Monday.', kind: 'armed_clash' },
  { text: 'Drones targeted an airbase near Hama on Monday.', kind: 'drone_strike', not: ['armed_clash'] },
  { text: 'Gunmen targeted a police station in Kirkuk with a grenade on Monday.', kind: 'grenade_attack', not: ['armed_clash'] },
  { text: 'Government forces repelled a rebel attack and took control of two villages near Marib on Monday.', kind: 'government_regains_territory', not: ['armed_clash'] },
  { text: 'The army recaptured the town of Jowhar after heavy fighting on Monday.', kind: 'government_regains_territory', not: ['armed_clash'] },
  { text: 'Troops repelled an attack on Jowhar on Monday.', kind: 'armed_clash' },
  { text: 'Troops engaged bandits in the Rugu forest on Monday.', kind: 'armed_clash' },
  { text: 'The army neutralised 20 terrorists near Djibo on Monday.', kind: 'armed_clash' },
  { text: 'Soldiers killed 12 militants near Djibo on Monday.', kind: 'armed_clash', not: ['attack_on_civilians'] },
  { text: 'Troops killed three suicide bombers near a checkpoint in Mosul on Monday.', kind: 'armed_clash', not: ['suicide_bombing'] },
  // territory
  { text: 'Ukrainian forces recaptured Kherson on Monday.', kind: 'government_regains_territory' },
  { text: 'Army units restored security and stability to several villages east of Khan Shaykhun on Monday.', kind: 'government_regains_territory' },
  { text: 'Government troops restored control over the town of Bama on Monday.', kind: 'government_regains_territory' },
  { text: 'The army regained control of Kafouri on Monday.', kind: 'government_regains_territory' },
  { text: 'Rebels took control of Umm Ruwaba on Monday.', kind: 'nonstate_overtakes_territory' },
  // who took the ground is the subject, not the allies a participle names beside it
  { text: 'Army units, supported by local militias, took control of the town of Kutum on Monday.', kind: 'government_regains_territory', not: ['nonstate_overtakes_territory'] },
  { text: 'Federal troops, aided by tribal fighters known as the Dan Sa\'a, seized the village of Gora on Monday.', kind: 'government_regains_territory', not: ['nonstate_overtakes_territory'] },
  { text: 'Rebels seized the strategic town of Saraqib on Monday.', kind: 'nonstate_overtakes_territory' },
  { text: 'Rebels took over the army base in Ardamata on Monday.', kind: 'nonstate_overtakes_territory' },
  { text: 'Rebels captured Kidal on Monday.', kind: 'nonstate_overtakes_territory' },
  { text: 'Jihadists overran a military outpost near Djibo on Monday.', kind: 'nonstate_overtakes_territory' },
  // the state's forces lead the militias joined to them
  { text: 'Army troops and allied tribal militias recaptured the town of Zinjibar on Monday.', kind: 'government_regains_territory', not: ['nonstate_overtakes_territory'] },
  // ground freed is ground taken; the taker decides the sub-event
  { text: 'The army said its troops had liberated four more villages east of Izium on Monday.', kind: 'government_regains_territory' },
  { text: 'Rebel fighters liberated Mabanga on Monday, their commander said.', kind: 'nonstate_overtakes_territory' },
  // chemical_attack, suicide_bombing
  { text: 'A chemical attack hit Douma on Monday.', kind: 'chemical_attack' },
  { text: 'A chlorine attack hit Saraqib on Monday.', kind: 'chemical_attack' },
  { text: 'A suicide bomber struck a mosque in Peshawar on Monday.', kind: 'suicide_bombing' },
  { text: 'A man blew himself up at a checkpoint in Mogadishu on Monday.', kind: 'suicide_bombing' },
  // ied_explosion
  { text: 'A roadside bomb hit a convoy near Beledweyne on Monday.', kind: 'ied_explosion' },
  { text: 'A carbomb exploded in Mogadishu on Monday.', kind: 'ied_explosion' },
  { text: 'A bomb attack damaged a bank in Medellin on Monday.', kind: 'ied_explosion', not: ['armed_clash'] },
  { text: 'A car-bomb exploded in Mogadishu on Monday.', kind: 'ied_explosion' },
  { text: 'An improvised explosive device killed two soldiers near Tibu on Monday.', kind: 'ied_explosion' },
  { text: 'An explosive device went off in Kunduz on Monday.', kind: 'ied_explosion' },
  { text: 'An explosive device hit a bus in Kunduz on Monday.', kind: 'ied_explosion' },
  { text: 'A landmine killed three children near Kunduz on Monday.', kind: 'ied_explosion' },
  { text: 'A bomb attached to a minibus exploded in Kabul on Monday, killing four passengers.', kind: 'ied_explosion', not: ['air_strike'] },
  { text: 'A bomb exploded in a market in Lagos on Monday.', kind: 'ied_explosion', not: ['air_strike'] },
  { text: 'A blast hit a market in Mogadishu on Monday.', kind: 'ied_explosion' },
  { text: 'Guerrillas dynamited a power pylon near Tumaco on Monday.', kind: 'ied_explosion' },
  { text: 'Dynamite exploded outside a bank in Oruro on Monday.', kind: 'ied_explosion' },
  { text: 'A train hit a dynamite charge near Huancayo on Monday.', kind: 'ied_explosion' },
  { text: 'Ten men hurled dynamite sticks at the embassy in Lima on Monday.', kind: 'ied_explosion' },
  { text: 'Militants planted a bomb near a checkpoint in Kabul on Monday.', kind: 'ied_explosion' },
  { text: 'Rebels blew up a bridge near Tumaco on Monday.', kind: 'ied_explosion' },
  // grenade_attack, sexual_violence
  { text: 'A grenade attack hit a bar in Bujumbura on Monday.', kind: 'grenade_attack' },
  { text: 'A man threw a grenade at a police post in Cucuta on Monday.', kind: 'grenade_attack' },
  { text: 'Soldiers raped women in Bahir Dar on Monday.', kind: 'sexual_violence' },
  { text: 'Sexual violence was reported in Masisi on Monday.', kind: 'sexual_violence' },
  { text: 'Militiamen sexually abused girls in Masisi on Monday.', kind: 'sexual_violence' },
  // attack_on_civilians
  // how people were hurt, with no attack named (`weak` triggers): the victims decide the kind
  { text: 'A shopkeeper was killed in Kirkuk on Monday.', kind: 'attack_on_civilians' },
  { text: 'A teacher was shot dead in Kandahar on Monday.', kind: 'attack_on_civilians' },
  { text: 'Two men shot and killed a lawyer in Karachi on Monday.', kind: 'attack_on_civilians' },
  { text: 'A bus was shot at near Mandera on Monday.', kind: 'attack_on_civilians' },
  { text: 'Unknown men opened fire on a car in Basra on Monday.', kind: 'attack_on_civilians' },
  { text: 'Soldiers fired rubber bullets at fishermen off Gaza on Monday.', kind: 'attack_on_civilians' },
  { text: 'Border guards fired rubber-coated bullets at farmers near Khan Younis on Monday.', kind: 'attack_on_civilians' },
  { text: 'A militia commander shot and critically wounded a farmer in Ibb on Monday.', kind: 'attack_on_civilians' },
  { text: 'A journalist was badly beaten by policemen in Tripoli on Monday.', kind: 'attack_on_civilians' },
  { text: 'A detainee died under torture in a prison in Homs on Monday.', kind: 'attack_on_civilians' },
  { text: 'The raid on the village near Mopti left four herders dead on Monday.', kind: 'attack_on_civilians' },
  { text: 'A settler was stabbed in Hebron on Monday.', kind: 'attack_on_civilians' },
  { text: 'A shooting at a market in Kirkuk on Monday wounded two women.', kind: 'attack_on_civilians' },
  { text: 'A man was wounded in a drive-by shooting in Basra on Monday.', kind: 'attack_on_civilians' },
  { text: 'Snipers wounded a boy in Taiz on Monday.', kind: 'attack_on_civilians' },
  { text: 'A journalist was found dead in Tijuana on Monday.', kind: 'attack_on_civilians' },
  { text: 'The body of a farmer was found near Kirkuk on Monday.', kind: 'attack_on_civilians' },
  { text: 'Two bodies were found in a ditch near Kirkuk on Monday.', kind: 'attack_on_civilians' },
  { text: 'Soldiers executed 56 civilians near Ouahigouya on Monday.', kind: 'attack_on_civilians' },
  { text: 'A judge was murdered in Medellin on Monday.', kind: 'attack_on_civilians' },
  { text: 'A journalist was gunned down in Mogadishu on Monday.', kind: 'attack_on_civilians' },
  { text: 'A village chief was shot to death in Zamfara on Monday.', kind: 'attack_on_civilians' },
  { text: 'Two farmers were killed by unidentified gunmen in Medellin on Monday.', kind: 'attack_on_civilians' },
  { text: 'Police beat up detainees in Kabul on Monday.', kind: 'attack_on_civilians' },
  { text: 'Security forces tortured detainees in Conakry on Monday.', kind: 'attack_on_civilians' },
  { text: 'Ethnic cleansing was reported in West Darfur on Monday.', kind: 'attack_on_civilians' },
  { text: 'Bandits killed 11 villagers in Zamfara on Monday.', kind: 'attack_on_civilians' },
  { text: 'Gunmen stormed a village in Katsina on Monday.', kind: 'attack_on_civilians' },
  { text: 'Gunmen opened fire on a bus near Mandera on Monday.', kind: 'attack_on_civilians' },
  // abduction
  { text: 'Pirates hijacked a cargo ship off Eyl on Monday.', kind: 'abduction' },
  { text: 'Gunmen took 20 passengers hostage near Kaduna on Monday.', kind: 'abduction' },
  { text: 'Gunmen seized 300 schoolboys in Kankara on Monday.', kind: 'abduction', not: ['nonstate_overtakes_territory'] },
  { text: 'A hostage-taking was reported in Bamako on Monday.', kind: 'abduction' },
  { text: 'Two activists were forcibly disappeared in Damascus on Monday.', kind: 'abduction' },
  { text: 'An enforced disappearance was reported in Damascus on Monday.', kind: 'abduction' },
  // protest: labour strikes are protests, not air strikes
  { text: 'Thousands protested in Bamako on Monday.', kind: 'protest' },
  { text: 'Teachers began a general strike in Lagos on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: "The nurses' strike in Kano entered its third day on Monday.", kind: 'protest', not: ['air_strike'] },
  { text: 'A strike by dock workers shut the port of Mombasa on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Transport strikes paralysed Lagos on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Teachers began a four-day strike in Lagos on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Miners began an open-ended strike in Potosi on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Students held a sit-in in Khartoum on Monday.', kind: 'protest' },
  { text: 'A work stoppage paralysed Lima on Monday.', kind: 'protest' },
  { text: 'Dock workers stopped work in Mombasa on Monday.', kind: 'protest' },
  { text: 'Doctors went on strike in Nairobi on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Nurses took strike action in Nairobi on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Strikers gathered at the port of Mombasa on Monday.', kind: 'protest' },
  { text: 'The union called off the strike in Lagos on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Workers ended their strike in Lagos on Monday.', kind: 'protest', not: ['air_strike'] },
  { text: 'Thousands demonstrated in Kirkuk on Monday.', kind: 'protest' },
  { text: 'Thousands took to the streets of Khartoum on Monday.', kind: 'protest' },
  { text: 'Farmers blocked roads in Algiers on Monday.', kind: 'protest' },
  { text: 'Police dispersed crowds in Nairobi on Monday.', kind: 'protest_with_intervention' },
  { text: 'Police fired tear gas at protesters in Nairobi on Monday.', kind: 'protest_with_intervention' },
  { text: 'Police used water cannon in Tel Aviv on Monday.', kind: 'protest_with_intervention' },
  { text: 'Riot police intervened at a sit-in outside parliament in Beirut on Monday.', kind: 'protest_with_intervention', not: ['violent_demonstration'] },
  { text: 'Teachers marched in Tunis on Monday. Police arrested six protesters.', kind: 'protest_with_intervention', not: ['protest', 'arrest'] },
  { text: 'Soldiers suppressed a march in Nablus on Monday.', kind: 'protest_with_intervention' },
  { text: 'Police prevented demonstrators from reaching the palace in Khartoum on Monday.', kind: 'protest_with_intervention' },
  { text: 'Residents protested outside the governor’s office in Basra on Monday. Guards fired shots into the air.', kind: 'protest_with_intervention', not: ['protest'] },
  { text: 'Hundreds of people gathered outside the town hall in Zahle on Monday.', kind: 'protest' },
  { text: 'Retired soldiers gathered in front of parliament in Beirut on Monday.', kind: 'protest' },
  { text: 'Hundreds gathered in Tunis to demand jobs on Monday.', kind: 'protest', not: ['appeal'] },
  { text: 'Hundreds of protesters in Kut demanded new elections on Monday.', kind: 'protest', not: ['appeal'] },
  { text: 'Demonstrators burned tires in Tahrir Square in Baghdad on Monday.', kind: 'violent_demonstration', not: ['protest'] },
  { text: 'Students marched through Dakar on Monday. Some of them threw stones at the police.', kind: 'violent_demonstration', not: ['protest'] },
  { text: 'Police fired live rounds at protesters in Basra on Monday. Hours later, protesters set fire to a party office.', kind: 'excessive_force_against_protesters' },
  { text: 'Police fired live rounds at protesters in Basra on Monday. Hours later, protesters set fire to a party office.', kind: 'violent_demonstration' },
  { text: 'Soldiers opened fire on protesters in Nasiriyah on Monday.', kind: 'excessive_force_against_protesters' },
  // people attacked at a peaceful demonstration: one event of lethal force against it, no attack beside a protest
  { text: 'Soldiers shot dead two men during a march in Nasiriyah on Monday.', kind: 'excessive_force_against_protesters', not: ['attack_on_civilians', 'protest'] },
  { text: 'Residents rallied outside the mayor\'s office in Idlib on Monday. During the protest, gunmen opened fire, killing one of them.', kind: 'excessive_force_against_protesters', not: ['attack_on_civilians'] },
  { text: 'Security forces used live ammunition in Nasiriyah on Monday.', kind: 'excessive_force_against_protesters' },
  { text: 'Police fired live rounds at protesters in Khartoum on Monday.', kind: 'excessive_force_against_protesters', not: ['attack_on_civilians'] },
  // violent_demonstration, mob_violence: protesters who fight or burn are rioters, not combatants
  { text: 'Rioters looted shops in Dakar on Monday.', kind: 'mob_violence' },
  { text: 'Protesters set fire to a party office in Ranya on Monday.', kind: 'violent_demonstration' },
  { text: 'Youths set a police station ablaze in Dakar on Monday.', kind: 'mob_violence' },
  { text: 'Youths set two buses on fire in Dakar on Monday.', kind: 'mob_violence' },
  { text: 'Protesters clashed with police in Nairobi on Monday.', kind: 'violent_demonstration', not: ['armed_clash'] },
  { text: 'Clashes between protesters and police erupted in Nairobi on Monday.', kind: 'violent_demonstration', not: ['armed_clash'] },
  { text: 'Settlers threw rocks at cars near Huwara on Monday.', kind: 'mob_violence' },
  { text: 'Youths hurled petrol bombs at police in Belfast on Monday.', kind: 'mob_violence', not: ['ied_explosion'] },
  // a crowd's violence is a demonstration's only where one is told: tyres burned in the street are one
  { text: 'Residents burned tyres on the main road in Aden on Monday.', kind: 'violent_demonstration', not: ['mob_violence'] },
  { text: 'Villagers set fire to a petrol station near Kano on Monday.', kind: 'mob_violence', not: ['violent_demonstration'] },
  // forces or an armed group burning property with nobody hurt: property destruction, not a riot
  { text: 'Militants set fire to wheat fields near Kirkuk on Monday.', kind: 'looting', not: ['mob_violence', 'violent_demonstration'] },
  { text: 'Soldiers set fire to three houses in a village near Tulkarm on Monday.', kind: 'looting', not: ['mob_violence', 'violent_demonstration'] },
  { text: 'A mob lynched a man in Gusau on Monday.', kind: 'mob_violence' },
  // agreement, reconciliation
  // what is agreed is the act: ties restored are a reconciliation, even when agreed to
  { text: 'Sudan and Kenya agreed to restore ties on Monday.', kind: 'reconciliation', not: ['agreement'] },
  { text: 'Chad and Qatar signed a deal on Monday to reinstate their envoys.', kind: 'reconciliation', not: ['agreement'] },
  { text: 'A peace accord was reached in Juba on Monday.', kind: 'agreement' },
  { text: 'Israel and Hamas announced a cease-fire on Monday.', kind: 'agreement' },
  { text: 'Iran and Iraq signed a security agreement on Monday.', kind: 'agreement' },
  { text: 'The parties reached a consensus in Geneva on Monday.', kind: 'agreement' },
  { text: 'Rwanda and Burundi returned their ambassadors on Monday.', kind: 'reconciliation' },
  { text: 'The two sides struck a deal in Doha on Monday.', kind: 'agreement', not: ['air_strike'] },
  { text: 'Rapprochement between Iran and Saudi Arabia continued on Monday.', kind: 'reconciliation' },
  { text: 'Somalia and Ethiopia restored diplomatic relations on Monday.', kind: 'reconciliation' },
  // arrest, interception, base_established
  { text: 'Police thwarted a bombing in Kano on Monday.', kind: 'interception', not: ['armed_clash'] },
  { text: 'The army thwarted a drone attack on the airport in Abha on Monday.', kind: 'interception', not: ['armed_clash'] },
  { text: 'A drone heading for the air base near Kirkuk was brought down on Monday, officials said.', kind: 'interception' },
  { text: 'Air defences over Hama confronted the hostile missiles on Monday and downed most of them.', kind: 'interception' },
  { text: 'Soldiers thwarted an attempt to smuggle weapons into Arish on Monday.', kind: 'interception' },
  { text: 'Police arrested two journalists in Bamako on Monday.', kind: 'arrest' },
  { text: 'Soldiers rounded up residents in Djibo on Monday.', kind: 'arrest' },
  { text: 'Police took two men into custody in Kabul on Monday.', kind: 'arrest' },
  { text: 'Air defences intercepted two missiles over Kyiv on Monday.', kind: 'interception' },
  { text: 'A Syrian jet was shot down near Idlib on Monday.', kind: 'interception' },
  { text: 'Troops downed a drone near Belgorod on Monday.', kind: 'interception' },
  { text: 'Russia fired eight missiles at Lviv on Monday; air defences destroyed six of them.', kind: 'interception' },
  { text: 'Syrian air defenses confronted Israeli missiles over Damascus on Monday.', kind: 'interception' },
  { text: 'Police defused two bombs in Bogota on Monday.', kind: 'interception', not: ['ied_explosion'] },
  { text: 'Police foiled an attack on a church in Kaduna on Monday.', kind: 'interception', not: ['armed_clash'] },
  { text: 'Russia established a base in Menaka on Monday.', kind: 'base_established' },
  { text: 'Turkish troops set up an outpost near Saraqeb on Monday.', kind: 'base_established' },
  { text: 'Turkish forces set up a new military post near Taftanaz on Monday.', kind: 'base_established' },
  { text: 'The army established an observation post on the hill above Kafr Nabl on Monday.', kind: 'base_established' },
  // looting, territory_transfer, change_to_group
  { text: 'A Russian military patrol took place near Tal Tamr on Monday.', kind: 'change_to_group' },
  { text: 'A convoy of armoured vehicles headed for Kidal on Monday.', kind: 'change_to_group' },
  { text: 'The army dispatched two battalions to the border districts of Hasakah on Monday.', kind: 'change_to_group' },
  { text: 'The interior ministry said 300 more troops would be sent to Kidal next week.', kind: 'change_to_group' },
  { text: 'The governor said the state would deploy more village guards to the farming communities near Gusau.', kind: 'change_to_group' },
  { text: 'Police set up roadblocks around Kismayo on Monday.', kind: 'change_to_group' },
  { text: 'The army sealed the entrances of Mosul on Monday.', kind: 'change_to_group' },
  { text: 'Authorities imposed a night curfew in Kirkuk on Monday.', kind: 'change_to_group' },
  { text: 'Settlers uprooted dozens of olive saplings near Hebron on Monday.', kind: 'looting' },
  { text: 'Soldiers cut down an orchard near Beit Hanoun on Monday.', kind: 'looting' },
  { text: 'Hundreds of almond trees were burned near Qalqilya on Monday.', kind: 'looting' },
  // property burned: a building or a vehicle named after the verb, or before it in the passive
  { text: 'Rebels burned two trucks on the highway near Tela on Monday.', kind: 'looting' },
  { text: 'Three buses were burned in Chimbote on Monday.', kind: 'looting' },
  { text: 'Rebel authorities confiscated the houses of two officials in Sanaa on Monday.', kind: 'looting', not: ['interception'] },
  { text: 'Gunmen have stolen cattle from herders near Gao, the mayor said on Monday.', kind: 'looting' },
  { text: 'Police seized a cache of explosives in Peshawar on Monday.', kind: 'interception', not: ['looting', 'nonstate_overtakes_territory'] },
  { text: 'Rebels overran an army base near Lashio on Monday and seized weapons and ammunition.', kind: 'nonstate_overtakes_territory', not: ['interception'] },
  { text: 'Rebel reinforcements arrived in Marib on Monday.', kind: 'change_to_group' },
  { text: 'A Turkish military convoy entered Idlib on Monday.', kind: 'change_to_group' },
  { text: 'A column of tanks crossed into Kherson on Monday.', kind: 'change_to_group' },
  { text: 'The army deployed troops in Goma on Monday.', kind: 'change_to_group' },
  { text: 'Russian military police patrolled the town of Kobani on Monday.', kind: 'change_to_group' },
  { text: 'Turkish forces conducted a patrol near Ras al-Ain on Monday.', kind: 'change_to_group' },
  { text: 'Russian military police carried out a patrol near Kobani on Monday.', kind: 'change_to_group' },
  { text: 'The deployment of Kenyan police in Port-au-Prince began on Monday.', kind: 'change_to_group' },
  { text: 'Rebels dug trenches east of Hodeidah on Monday.', kind: 'change_to_group' },
  { text: 'Militants besieged the town of Djibo on Monday.', kind: 'change_to_group' },
  { text: 'Militiamen looted shops in El Geneina on Monday.', kind: 'looting' },
  { text: 'Militants burned down the old mill in Maiduguri on Monday.', kind: 'looting' },
  { text: 'Armed men robbed a bank in Uchiza on Monday.', kind: 'looting' },
  { text: 'French troops withdrew from Gao on Monday.', kind: 'territory_transfer' },
  { text: 'The army handed over the base to the UN on Monday.', kind: 'territory_transfer' },
  { text: 'Russian troops pulled out of Kherson on Monday.', kind: 'territory_transfer' },
  { text: 'The army handed the base over to police on Monday.', kind: 'territory_transfer' },
  { text: 'The two militias merged on Monday.', kind: 'change_to_group' },
  { text: 'The group pledged allegiance to Islamic State on Monday.', kind: 'change_to_group' },
  // weapons_test: a test-firing is no missile attack
  { text: 'North Korea conducted a test firing on Monday.', kind: 'weapons_test' },
  { text: 'North Korea test-fired an engine on Monday.', kind: 'weapons_test' },
  { text: 'North Korea test fired a missile on Monday.', kind: 'weapons_test', not: ['missile_attack'] },
  { text: 'North Korea test-fired a cruise missile on Monday.', kind: 'weapons_test', not: ['missile_attack'] },
  { text: 'Iran unveiled a new drone on Monday.', kind: 'weapons_test' },
  { text: 'North Korea carried out a missile test on Monday.', kind: 'weapons_test' },
  { text: 'The army announced a successful test on Monday.', kind: 'weapons_test' },
  // arms_transfer, military_aid, cooperation
  { text: 'Germany supplied air defence systems to Ukraine on Monday.', kind: 'arms_transfer' },
  { text: 'An arms shipment reached Port Sudan on Monday.', kind: 'arms_transfer' },
  { text: 'Iran announced the export of military equipment to Syria on Monday.', kind: 'arms_transfer' },
  { text: 'The US announced military aid for Ukraine on Monday.', kind: 'military_aid' },
  { text: 'The US announced security assistance for Somalia on Monday.', kind: 'military_aid' },
  { text: 'Iran and Syria expanded their partnership on Monday.', kind: 'cooperation' },
  { text: 'French and Egyptian warships began joint naval exercises on Monday.', kind: 'cooperation' },
  { text: 'Russian and Turkish troops carried out joint patrols near Kobani on Monday.', kind: 'cooperation', not: ['change_to_group'] },
  { text: 'China launched war games near Taiwan on Monday.', kind: 'cooperation' },
  { text: 'Israel shared intelligence with the United States on Monday.', kind: 'cooperation' },
  { text: 'Zambia extradited a suspect to Britain on Monday.', kind: 'cooperation' },
  // consultation
  { text: 'Erdogan met Putin in Moscow on Monday.', kind: 'consultation' },
  { text: 'Putin and Erdogan held a phone call on Monday.', kind: 'consultation' },
  { text: 'Blinken telephoned Lavrov on Monday.', kind: 'consultation' },
  { text: 'The Iraqi president arrived in Amman on a visit on Monday.', kind: 'consultation' },
  { text: 'Israel and Lebanon resumed negotiations on Monday.', kind: 'consultation' },
  { text: 'The two ministers held discussions in Cairo on Monday.', kind: 'consultation' },
  { text: 'The foreign ministers of Egypt and Qatar will meet in Cairo on Tuesday.', kind: 'consultation' },
  { text: 'Officials from both parties are due to meet with the mediators in Doha on Friday.', kind: 'consultation' },
  // sanction
  { text: 'The US imposed sanctions on two RSF commanders on Monday.', kind: 'sanction' },
  { text: 'The EU announced an asset freeze on Monday.', kind: 'sanction' },
  { text: 'The EU imposed targeted sanctions on two RSF commanders on Monday.', kind: 'sanction', not: ['armed_clash'] },
  { text: 'Switzerland expelled two Russian diplomats on Monday.', kind: 'sanction' },
  { text: 'Bolivia severed ties with Israel on Monday.', kind: 'sanction' },
  { text: 'Khartoum recalled its ambassador from Nairobi on Monday.', kind: 'sanction' },
  { text: 'Japan suspended aid to Serbia on Monday.', kind: 'sanction' },
  // threat, accusation
  { text: 'Iran threatened to retaliate against Israel on Monday.', kind: 'threat' },
  { text: 'Hezbollah threatened Israel on Monday.', kind: 'threat' },
  { text: 'The militia will pay a heavy price for the ambush, the army commander said on Monday.', kind: 'threat' },
  { text: 'The ministry said the aggression will not go unpunished.', kind: 'threat' },
  { text: 'A senior lawmaker said on Monday that such crimes would not go unpunished.', kind: 'threat' },
  { text: 'Tehran will not leave this crime unanswered, the foreign minister said on Monday.', kind: 'threat' },
  // a statement verb whose content is a threat or an appeal is that act
  { text: 'The defence minister warned on Monday that Baku would not leave the latest shelling unanswered.', kind: 'threat', not: ['statement'] },
  { text: 'The UN envoy warned of famine in Tigray and urged donors to send food on Monday.', kind: 'appeal', not: ['statement'] },
  { text: 'Bridges used by the army will be legitimate targets, the minister said on Monday.', kind: 'threat' },
  { text: 'The foreign ministry said on Monday that the country reserves the right to respond.', kind: 'threat' },
  { text: 'Beijing will take resolute measures to protect its companies, a spokesman said on Monday.', kind: 'threat' },
  { text: 'The navy will take strong military measures against any intruder, its commander said on Monday.', kind: 'threat' },
  { text: 'Peru issued an ultimatum to Ecuador on Monday.', kind: 'threat' },
  { text: 'The embassy in Kingston received a bomb threat on Monday.', kind: 'threat', not: ['ied_explosion'] },
  { text: 'Kyiv accused Moscow of shelling Nikopol.', kind: 'accusation' },
  { text: 'Syria complained to the UN on Monday.', kind: 'accusation' },
  { text: 'The rights group held the police responsible for the deaths of two protesters in Kut.', kind: 'accusation' },
  { text: 'The rebels also bear responsibility for the siege of the camp, the envoy said on Monday.', kind: 'accusation' },
  { text: 'Serbia lodged a protest with Albania on Monday.', kind: 'accusation', not: ['protest'] },
  { text: 'Iraq summoned the Iranian ambassador on Monday.', kind: 'accusation' },
  // denial: refusing a request is a rejection, not a request
  { text: 'The ELN denied responsibility on Monday.', kind: 'denial' },
  { text: 'The ministry denied it on Monday.', kind: 'denial' },
  { text: 'Yemen rejected a US request on Monday.', kind: 'denial', not: ['appeal'] },
  { text: 'Beirut turned down a UN appeal on Monday.', kind: 'denial', not: ['appeal'] },
  { text: 'Serbia refused an Australian request on Monday.', kind: 'denial', not: ['appeal'] },
  { text: 'UNITA refused to allow UN planes to land on Monday.', kind: 'denial' },
  { text: 'The junta dismissed the allegations on Monday.', kind: 'denial' },
  // appeal, statement
  { text: 'The UN called on all parties to protect civilians.', kind: 'appeal' },
  { text: 'The mayor pleaded for help on Monday.', kind: 'appeal' },
  { text: 'The peacekeepers urged both armies to hold their fire on Monday.', kind: 'appeal' },
  // what a speaker says another ought to do; the act it names is not done
  { text: 'The Security Council should impose an arms embargo on the militias, the rights group said on Monday.', kind: 'appeal', not: ['sanction'] },
  { text: 'The rebels demanded the release of prisoners on Monday.', kind: 'appeal' },
  { text: 'The minister warned of consequences on Monday.', kind: 'statement' },
  { text: 'The group claimed responsibility for the ambush near Kidal on Monday.', kind: 'statement' },
  { text: 'The militia took credit for the rocket fire on Monday.', kind: 'statement' },
  { text: 'The group claimed the ambush near Kidal in a statement on Monday.', kind: 'statement', not: ['armed_clash'] },
  { text: 'Gunmen fired at an army detachment near Cotabato on Monday.', kind: 'armed_clash' },
  { text: 'Security forces neutralized three PKK/YPG terrorists near Tal Rifaat on Monday.', kind: 'armed_clash' },
  { text: 'Rebels fired on government positions near Hays on Monday.', kind: 'armed_clash' },
  { text: 'Iran reiterated its support for Syria on Monday.', kind: 'statement' },
];

/** Senses the lexicon must leave alone. */
const NOT_EVENTS: { text: string; not: string[] }[] = [
  // burning that destroys no building or vehicle
  { text: 'The cook burned his fingers in the kitchen of the hotel in Tela on Monday.', not: ['looting', 'mob_violence'] },
  // people freed are no ground taken
  { text: 'Engineers began clearing mines from the liberated villages near Lyman on Monday.', not: ['government_regains_territory', 'nonstate_overtakes_territory'] },
  { text: 'Soldiers liberated the hostages near Gao on Monday.', not: ['government_regains_territory', 'nonstate_overtakes_territory'] },
  { text: 'Port workers in Aqaba downed tools on Monday over unpaid wages.', not: ['interception'] },
  // a guess, and the outlet's own voice, are no appeal
  { text: 'The army must have fired the shells from the hills above Hama, residents said on Monday.', not: ['appeal'] },
  { text: 'The council should meet in Geneva next week.', not: ['appeal'] },
  { text: 'The European Union imposed targeted sanctions on Iranian officials on Monday.', not: ['armed_clash'] },
  { text: 'Foreign ministers gathered in Riyadh on Monday for talks on Yemen.', not: ['protest'] },
  { text: 'Rebels fired rockets at Kadugli on Monday. The army responded to the sources of the fire with artillery.', not: ['armed_clash'] },
  // a weapon answered with another is two attacks, not a battle
  { text: 'Militants fired a missile at an army post near Metula on Monday. The army responded with artillery fire on the launch sites.', not: ['armed_clash'] },
  // a killing word stands only with people counted there
  { text: 'Farmers protested in Kirkuk on Monday against the killing of their livestock.', not: ['attack_on_civilians', 'armed_clash'] },
  { text: 'Bird flu killed 3,000 chickens near Kano on Monday.', not: ['attack_on_civilians', 'armed_clash'] },
  // a patrol or a deployment named in passing is no movement of forces
  { text: 'A roadside bomb hit a police patrol near Kirkuk on Monday.', not: ['change_to_group'] },
  { text: 'Soldiers deployed in the town fired tear gas at residents of Jenin on Monday.', not: ['change_to_group'] },
  { text: 'Police seized weapons in the area on Monday.', not: ['nonstate_overtakes_territory', 'government_regains_territory'] },
  { text: 'Iran demonstrated its new missile on Monday.', not: ['protest'] },
  { text: 'Relatives of the hostages held in Gaza gathered in Tel Aviv on Monday.', not: ['abduction'] },
  { text: 'The first block of Junin street in Lima was closed on Monday.', not: ['protest'] },
  { text: 'The fire brigade put out a fire in Kabul on Monday.', not: ['shelling', 'armed_clash', 'missile_attack', 'violent_demonstration'] },
  { text: 'The strike cost the company fifty million pounds.', not: ['shelling'] },
  // no_event: firefighters fight fires, not enemies; nor does the rocket fire before turn into a battle
  { text: 'Rockets were fired at Nahariya on Monday. Firefighters battled the blaze for hours.', not: ['armed_clash'] },
  // a stolen thing described is no theft told
  { text: 'Police seized twelve stolen cars at a garage in Cali on Monday.', not: ['looting'] },
  // the verb "deal with" is no deal made
  { text: 'The cabinet met in Juba on Monday to deal with the flooding.', not: ['agreement'] },
  { text: 'Officials said on Monday they were dealing with the outbreak.', not: ['agreement'] },
  { text: 'Police found a van with 15 kg of dynamite, a motorcycle and other items in Lima on Monday.', not: ['ied_explosion'] },
];

const kindsOf = (text: string) => extract({ source: 'test', text, published: PUBLISHED }).events.map((e) => e.kind);

for (const r of ROWS)
  test(`"${r.text}" → ${r.kind}${r.not ? `, not ${r.not.join('/')}` : ''}`, () => {
    const kinds = kindsOf(r.text);
    assert.ok(kinds.includes(r.kind), `expected ${r.kind} in ${JSON.stringify(kinds)}`);
    for (const k of r.not ?? []) assert.ok(!kinds.includes(k), `no ${k} expected in ${JSON.stringify(kinds)}`);
  });

for (const r of NOT_EVENTS)
  test(`"${r.text}" → no ${r.not.join('/')}`, () => {
    const kinds = kindsOf(r.text);
    for (const k of r.not) assert.ok(!kinds.includes(k), `no ${k} expected in ${JSON.stringify(kinds)}`);
  });

test('every pattern in data/events/triggers.yaml is exercised by a sentence above', () => {
  const used = new Set<string>();
  for (const r of ROWS) {
    const doc = annotate(normalise({ source: 'test', text: r.text, published: PUBLISHED }));
    for (const s of doc.sentences) for (const m of triggers().matchBest(doc.tokens, s.first, s.last)) used.add(`${m.pattern.value.kind}: ${m.pattern.source}`);
  }
  const raw = data('events/triggers.yaml');
  for (const r of NOT_EVENTS) {
    const doc = annotate(normalise({ source: 'test', text: r.text, published: PUBLISHED }));
    for (const s of doc.sentences) for (const m of triggers().matchBest(doc.tokens, s.first, s.last)) used.add(`${m.pattern.value.kind}: ${m.pattern.source}`);
  }
  const unused = [...Object.entries(raw.kinds), [NO_EVENT, raw.no_event] as const].flatMap(([kind, ps]) => ps.map((p) => `${kind}: ${p.p}`)).filter((p) => !used.has(p));
  assert.deepEqual(unused, []);
});

// Casualty words added for generality (data/events/casualties.yaml): through the pipeline, the
// count lands on the sentence's event.
const CASUALTIES: { text: string; kind: string; killed?: number; injured?: number; civilians?: number; military?: number }[] = [
  { text: 'Gunmen murdered three peasants in Zamfara on Monday.', kind: 'attack_on_civilians', killed: 3, civilians: 3 },
  { text: 'Two gendarmes were fatally wounded in an ambush near Djibo on Monday.', kind: 'armed_clash', killed: 2, military: 2 },
  { text: 'The army said it killed 12 guerrillas near Tumaco on Monday.', kind: 'armed_clash', killed: 12, military: 12 },
  { text: 'A suicide bomber killed four peacekeepers in Mogadishu on Monday.', kind: 'suicide_bombing', killed: 4, military: 4 },
  { text: 'A bomb exploded in a market in Mogadishu on Monday, killing five traders. Twelve people were hospitalised.', kind: 'ied_explosion', killed: 5, civilians: 5, injured: 12 },
  { text: 'Bandits beheaded two herders near Gusau on Monday.', kind: 'attack_on_civilians', killed: 2, civilians: 2 },
];

for (const c of CASUALTIES)
  test(`casualties: "${c.text}"`, () => {
    const e = extract({ source: 'test', text: c.text, published: PUBLISHED }).events.find((x) => x.kind === c.kind);
    assert.ok(e, `a ${c.kind} event`);
    if (c.killed !== undefined) assert.equal(e.fatalities?.total, c.killed);
    if (c.civilians !== undefined) assert.equal(e.fatalities?.civilians, c.civilians);
    if (c.military !== undefined) assert.equal(e.fatalities?.military, c.military);
    if (c.injured !== undefined) assert.equal(e.injuries?.total, c.injured);
  });
