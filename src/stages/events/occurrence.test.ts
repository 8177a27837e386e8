// Words of violence that tell of no occurrence (data/events/occurrence.yaml), beside the same words
// reporting one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../pipeline.js';

const kinds = (text: string) => extract({ source: 'test', text, published: '2024-03-06' }).events.map((e) => e.kind);
const VIOLENT = ['attack_on_civilians', 'armed_clash', 'abduction', 'looting', 'air_strike', 'ied_explosion'];
const none = (text: string) => {
  const ks = kinds(text);
  assert.ok(!ks.some((k) => VIOLENT.includes(k)), `no violent event expected in ${JSON.stringify(ks)}`);
};

test('a sense of the word that is no event: "stricken"', () => {
  none('The capital was stricken with panic in Lima on Monday.');
  assert.ok(kinds('Jets struck a depot in Lima on Monday.').includes('air_strike'));
});

test('a trigger word that classifies the noun after it names no attack', () => {
  none('Police in Cali broke up a kidnapping ring on Monday.');
  none('The judge in Bogota reopened the murder case on Monday.');
  none('Troops carrying assault rifles patrolled Quito on Monday.');
  // a ceasefire proposed, discussed or violated is no ceasefire agreed
  for (const text of ['The envoy brought a ceasefire proposal to Beirut on Monday.', 'Monitors in Donetsk recorded ceasefire violations on Monday.']) {
    const ks = kinds(text);
    assert.ok(!ks.includes('agreement'), `no agreement expected in ${JSON.stringify(ks)}`);
  }
  assert.ok(kinds('Israel and Hamas agreed a ceasefire in Cairo on Monday.').includes('agreement'));
  assert.ok(kinds('Gunmen kidnapped a rancher in Cali on Monday.').includes('abduction'));
});

test('a participle describing the noun after it is no event of its own', () => {
  none('The mayor of Medellin met the families of the murdered judges on Monday.');
  none('Traffickers in Santa Cruz trade cocaine for stolen cars.');
  // the subject's verb, even when a tagger reads it as an adjective, stays an event
  assert.ok(kinds('Rebels looted shops in Ayacucho on Monday.').includes('looting'));
  assert.ok(kinds('Gunmen murdered two judges in Medellin on Monday.').includes('attack_on_civilians'));
});

test('a catalogue of wrongdoing is no report of one occurrence', () => {
  none('The prisoners in Guatemala City are serving time for kidnapping, extortion, murder and robbery.');
  none('The rebels in Cauca finance themselves with kidnappings, extortion and drug trafficking.');
  none('The commanders in San Salvador were responsible for political murders and other crimes.');
  // a list of what happened, with no wrongdoing named, stays a report
  assert.ok(kinds('Rebels kidnapped two engineers and burned a bus in Cauca on Monday.').includes('abduction'));
});

test('a time after "that" dates another clause', () => {
  const d = extract({ source: 'test', text: 'The company in Santiago said that guerrillas attacked the power line on Saturday and that power will be restored in the next few hours.', published: '2024-03-06' });
  assert.ok(d.events.some((e) => e.kind === 'armed_clash' && e.mode === 'actual'), JSON.stringify(d.events.map((e) => [e.kind, e.mode])));
});

test('a count of occurrences or a campaign against wrongdoing is no occurrence', () => {
  none('The army in Cauca said the number of attacks had fallen.');
  none('Colombia asked for help in the battle against drug trafficking.');
  // (an article and a hyphenated modifier between)
  none('The government began the attack on the drug-trafficking mafias after the election in Bogota.');
  // a number of people is some people: their protest stands
  assert.ok(kinds('On Monday, a number of protesters in Arequipa rejected the proposal of the governor.').length > 0);
  // a battle against fighters is one
  assert.ok(kinds('Troops fought a battle against rebels near Tumaco on Monday.').includes('armed_clash'));
});

test('a catalogue reads across a possessive: "torture and human rights\' crimes"', () => {
  none('The rebels in Lima said that prisoners must be treated well, torture and human rights\' crimes must end.');
  // a subject before the verb makes it a report
  assert.ok(kinds('Gunmen killed two traders in Lima on Monday, and extortion gangs took over the market.').some((k) => VIOLENT.includes(k)));
});

test('a vague toll in the perfect, with no place or time, sums up: no event', () => {
  none('They have killed many people and they want to impose a new government.');
  // with a place, or a figure, or in the past tense, it reports one
  assert.ok(kinds('They have killed many people in Ayacucho.').some((k) => VIOLENT.includes(k)));
  assert.ok(kinds('They have killed three people and they want to impose a new government.').some((k) => VIOLENT.includes(k)));
});

test('a toll of tens of thousands is a war\'s count, not one occurrence', () => {
  none('The constitution of El Salvador was drafted after the killing of over 70,000 people.');
  assert.ok(kinds('Gunmen killed 70 people in San Miguel on Monday.').some((k) => VIOLENT.includes(k)));
  // only deaths count: a sum of money is no toll
  assert.ok(kinds('On Monday three bombs exploded in Medellin -- three others were defused -- resulting in 60 million pesos in damage and 17 persons injured.').includes('ied_explosion'));
});

test('a habit or a trend is no occurrence: frequency with the perfect or the present, or the perfect over a span', () => {
  none('The rebels have repeatedly attacked the pipeline in Arauca.');
  none('The cartel frequently carries out bombings in Medellin.');
  none('The guerrillas have been fighting in Cauca for more than 20 years.');
  none('The group has carried out kidnappings in Cauca since 2019.');
  none('Rebel units have stepped up attacks on the Cauca valley in recent weeks.');
  none('The cartel has intensified its bombings against the oil pipeline.');
  // a trend word in the past, with a day, tells one occurrence
  assert.ok(kinds('Rebels stepped up attacks on Popayan on Monday, killing two police officers.').some((k) => VIOLENT.includes(k)));
  // in the past, with a day, a frequency word tells one occurrence
  assert.ok(kinds('On Monday troops repeatedly shelled rebel positions near Tumaco.').some((k) => k === 'shelling'));
  // and a denial stays a denial
  const denied = extract({ source: 'test', text: 'The army in Bogota said it had not carried out any strikes in Arauca since Monday.', published: '2024-03-06' }).events;
  assert.ok(denied.some((e) => e.mode === 'negated'), JSON.stringify(denied.map((e) => [e.kind, e.mode])));
});

test('a relative clause in the present characterises its noun: no occurrence', () => {
  none('The people of San Salvador fear the military dictatorship, which assassinates priests.');
  // in the past it reports one, whatever the verb of saying before it
  assert.ok(kinds('The group, which says it attacked the base in Cauca on Monday, has 200 fighters.').includes('armed_clash'));
  assert.ok(kinds('Soldiers who killed two farmers in Cauca on Monday were arrested.').some((k) => VIOLENT.includes(k)));
});

test('a relative clause in the present progressive characterises its noun too: no occurrence', () => {
  none('Only scattered bands of outlaws, who are looting shops, remain in the hills above Tegucigalpa.');
  none('The rebels denounced the air force, which is indiscriminately bombing poor neighbourhoods of Cali.');
  // told of its subject, the progressive reports what is happening
  assert.ok(kinds('Armed men are looting shops in Tegucigalpa on Monday.').includes('looting'));
});

test('an explosive\'s accessory seized is no explosion: "detonating plugs"', () => {
  none('Police in Ilopango confiscated two rifles, 650 cartridges and 58 detonating plugs on Monday.');
  assert.ok(kinds('A bomb detonating near the market in Ilopango killed two people on Monday.').includes('ied_explosion'));
});

test('a reporter\'s request for comment is no appeal', () => {
  const ks = kinds('The army did not respond to requests for comment on Monday.');
  assert.ok(!ks.includes('appeal'), JSON.stringify(ks));
  assert.ok(kinds('The mayor of Cali requested an inquiry into the killings.').includes('appeal'));
});

test('a withdrawal from a body or a deal, or of an envoy, gives up no ground; forces withdrawn from a town do', () => {
  const noGround = (text: string) => {
    const ks = kinds(text);
    assert.ok(!ks.includes('territory_transfer'), `no territory transfer expected in ${JSON.stringify(ks)}`);
  };
  noGround('Chad announced its withdrawal from the regional bloc on Sunday.');
  noGround('Peru withdrew its ambassador from Caracas on Friday.');
  noGround('The party withdrew from the coalition talks in Lima on Friday.');
  assert.ok(kinds('Government troops withdrew from the border town of Tumaco on Friday.').includes('territory_transfer'));
});

test('a deal left, broken off or scrapped is no agreement reached', () => {
  for (const text of ['Russia quit a U.N.-brokered grain deal in Istanbul in July.', 'The rebels suspended the truce in Tumaco on Monday.', 'The rebels ended a months-long truce with the army in Tumaco on Monday.', 'The rebels broke the truce in Tumaco on Monday.']) {
    const ks = kinds(text);
    assert.ok(!ks.includes('agreement'), `no agreement expected in ${JSON.stringify(ks)}`);
  }
  assert.ok(kinds('Israel and Hamas agreed a ceasefire deal in Cairo on Monday.').includes('agreement'));
});

test('a plural trigger noun as the subject of a trend verb counts occurrences: no occurrence', () => {
  none('Kidnappings of traders on the road to Cali have increased since the army left the valley.');
  none('In Cauca, bombings of power lines rose sharply last year.');
  // shells fall: a trend verb only of counts, and an attack told with its own verb stays one
  assert.ok(kinds('Shells fell on the market in Tumaco on Monday, killing two vendors.').some((k) => VIOLENT.includes(k)));
  assert.ok(kinds('Rebel attacks on the highway near Tumaco killed two drivers on Monday.').some((k) => VIOLENT.includes(k)));
});

test('the perfect over "recent days" tells a tally, arrests and protests too', () => {
  const ks = kinds('Police in Lima have detained scores of students in recent weeks.');
  assert.ok(!ks.includes('arrest'), JSON.stringify(ks));
  assert.ok(kinds('Police in Lima detained scores of students on Monday.').includes('arrest'));
});

test('a bare plural trigger as the subject of a perfect with a bare plural object sums up many occurrences', () => {
  const shelling = (text: string) => kinds(text).filter((k) => k === 'shelling').length;
  assert.equal(shelling('Army artillery barrages on villages in Cauca have wounded farmers and destroyed crops.'), 0);
  // a figure, an article or a definite object makes it a report
  assert.equal(shelling('Army artillery barrages on villages in Cauca have wounded four farmers.'), 1);
  assert.equal(shelling('Army artillery barrages have destroyed the bridge at Suarez in Cauca.'), 1);
});

test('a relative clause in the present characterises its noun across a speaker\'s aside: "who it says carry out attacks"', () => {
  none('Peru accuses Bolivia of sheltering guerrillas, who it says carry out bombings in the Peruvian city of Puno.');
  assert.ok(kinds('Peru says guerrillas attacked police posts in Puno on Monday.').some((k) => VIOLENT.includes(k)));
});

test('an accusation in an object relative clause, or as the reason for violence, describes someone: no accusation', () => {
  const accusations = (text: string) => kinds(text).filter((k) => k === 'accusation').length;
  assert.equal(accusations('The court in Quito jailed a trader whom prosecutors accused of smuggling arms.'), 0);
  assert.equal(accusations('Troops in Cauca arrested a commander that the army has blamed for the bombing.'), 0);
  assert.equal(accusations('Ecuador froze the accounts of two firms it accuses of laundering money for the cartel.'), 0);
  assert.equal(accusations('Gunmen in Cauca abducted two teachers on Monday, accusing them of spying for the army.'), 0);
  // what the accusation alleges still stands, alleged
  assert.ok(kinds('The court in Quito jailed a captain whom the president accused of the assassination of a priest in Quito in 1989.').some((k) => VIOLENT.includes(k)));
  // the accuser as the subject, a clause after a verb of saying, or a participle after a statement: news
  assert.equal(accusations('The army, which blamed the rebels for the bombing, sent troops to Cauca.'), 1);
  assert.equal(accusations('The mayor of Cali said that the police accused the rebels of the bombing.'), 1);
  assert.equal(accusations('The rebels issued a statement in Cauca on Monday, accusing the army of shelling villages.'), 1);
});

test('a run of occurrences over time ("the wave of attacks", "a campaign of kidnappings") is a trend, unless dated', () => {
  none('The student leaders fled to Costa Rica after a wave of kidnappings and murders of students in Guatemala City.');
  none('Police in Medellin blamed the cartel for the wave of bomb attacks against banks in the city.');
  none('The church condemned the campaign of assassinations of union leaders by death squads in San Salvador.');
  assert.ok(kinds('A wave of air strikes hit the port of Hodeidah on Monday.').includes('air_strike'));
});

test('deaths told with an accident and no attack are no violence', () => {
  none('A cargo plane crashed near Usulutan on Monday, and its four crewmen were killed.');
  none('Two soldiers died and five were injured in a road accident near Cali on Monday.');
  // an attack named beside the accident stays
  assert.ok(kinds('A missile hit a cargo plane near Usulutan on Monday, which crashed, killing its four crewmen.').includes('missile_attack'));
});

test('a bomb or an explosion told only as heard, with nobody hurt, is no bombing of its own', () => {
  none('Strong explosions were heard in the northern neighbourhoods of San Salvador early on Monday.');
  none('Residents of Soyapango said they could hear bombs and machinegun fire all night on Monday.');
  // with people hurt in the clause, or not told as heard, it is one
  assert.ok(kinds('Residents heard an explosion that killed two guards at the bank in Soyapango on Monday.').includes('ied_explosion'));
  assert.ok(kinds('A strong explosion destroyed a bank in Soyapango on Monday.').includes('ied_explosion'));
});

test('a verb\'s pattern read from a participle after an article describes its object: "the confiscated properties"', () => {
  none('The auditors in Bogota said the confiscated properties were worth millions of pesos.');
  none('No information on the burned vehicles was given by the police in San Miguel.');
  // the verb told of its subject stays
  assert.ok(kinds('Rebels burned two trucks on the highway near Tela on Monday.').includes('looting'));
});
