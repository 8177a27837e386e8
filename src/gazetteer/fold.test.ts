// Each rule of the transliteration key, with pairs of spellings GeoNames lists for one place
// (geonames.org alternate names, CC BY 4.0; the GeoNames id is given).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from './fold.js';

const same = (pairs: [string, string][]) => {
  for (const [a, b] of pairs) assert.equal(fold(a), fold(b), `${a} / ${b}`);
};

test('the Arabic article and hyphens go: Al-Sulaimaniya / As Sulaymaniyah (98463), Deir ez-Zor / Deir Zzor (170794)', () => {
  same([
    ['Al-Sulaimaniya', 'As Sulaymaniyah'],
    ['Deir ez-Zor', 'Deir Zzor'],
    ['Al Qamishli', 'Qamishli'],
  ]);
});

test('ezafe particles go: Mazar-e Sharif / Mazar-i-Sharif (1133616)', () => {
  same([['Mazar-e Sharif', 'Mazar-i-Sharif']]);
});

test('q/k and c/k: Qandahar / Candahar / Kandahar (1138336), Saraqib / Sarakeb (164816), Quamishli / Qamishli', () => {
  same([
    ['Qandahar', 'Kandahar'],
    ['Candahar', 'Kandahar'],
    ['Saraqeb', 'Sarakeb'],
    ['Kamishli', 'Qamishli'],
    ['Quamishli', 'Qamishli'],
  ]);
});

test('kh/h and gh, dh, th: Khan Yunis / Han Yunis (281124), Dhamar / Damar (76184), Lashkargakh / Lashkar Gah (1134720)', () => {
  same([
    ['Dhamar', 'Damar'],
    ['Lashkargakh', 'Lashkar Gah'],
    ['Kharkiv', 'Harkiv'],
  ]);
});

test('j/zh/dj: Zhytomyr / Jitomir (686967)', () => {
  same([
    ['Zhytomyr', 'Jitomir'],
    ['Zhitomir', 'Jytomyr'],
  ]);
});

test('ou/u, o/u and w/v: Khan Younis / Khan Yunis (281124), Hadibo / Hadibu (75427), Charkiw / Charkiv (706483)', () => {
  same([
    ['Khan Younis', 'Khan Yunis'],
    ['Hadibo', 'Hadibu'],
    ['Charkiw', 'Charkiv'],
  ]);
});

test('e/i/y and ai/ei/ay: Idleb / Idlib (169389), Kamishly / Kamishli (173377), Dayr / Deir (170794 "Dayr az Zor")', () => {
  same([
    ['Idleb', 'Idlib'],
    ['Kamishly', 'Kamishli'],
    ['Suleimaniya', 'Sulaymaniyah'],
  ]);
});

test('-ah/-eh/-a endings and doubled letters: Al-Hasakeh / Al Hasakah (173811), Qalqiliyah / Qalqilya, Raqqa / Raqqah', () => {
  same([
    ['Al-Hasakeh', 'Al Hasakah'],
    ['Hasakeh', 'Al Hasakah'],
    ['Qalqiliyah', 'Qalqilya'],
    ['Raqqa', 'Raqqah'],
    ['Qamishliye', 'Qamishli'],
  ]);
});

test('words of Arabic names spelled many ways (data/gazetteer/transliteration-words.tsv): Tell / Tall (163750), Deir / Dayr, Beit / Bayt (281145)', () => {
  same([
    ['Tell Abyad', 'Tall Abyad'],
    ['Dayr az Zor', 'Deir ez-Zor'],
    ['Beit Lahia', 'Bayt Lahia'],
    ["Ra's al 'Ayn", 'Ras al-Ain'],
  ]);
});

test('names that differ in more than these stay apart', () => {
  assert.notEqual(fold('Homs'), fold('Hama'));
  assert.notEqual(fold('Kharkiv'), fold('Kherson'));
  assert.notEqual(fold('Aden'), fold('Adana'));
  assert.notEqual(fold('Idlib'), fold('Irbil'));
});
