// Validates JSON documents against component schemas of the Klantinteracties
// OpenAPI contract with ajv.  Input: a JSON-lines file, one
// {"schema": "<component>", "bron": "<where from>", "doc": {...}} per line.
// Prints per source how many documents passed, every violation, the number
// of documents validated and "N passed, M failed"; exits 1 on a failure.
// Usage: node valideer.mjs <openapi.yaml> <documents.jsonl>
//
// The OpenAPI 3.0 schemas become JSON Schema 2019-09:
//   * nullable: true -> anyOf [the schema, null];
//   * oneOf + discriminator {propertyName, mapping} -> the property is
//     required and one of the mapping's keys, and if/then applies the mapped
//     schema (what the discriminator means; ajv's own discriminator keyword
//     does not take a mapping);
//   * object schemas are closed (unevaluatedProperties: false), so a key
//     the contract does not have is a violation: the views' columns must be
//     exactly the contract's keys;
//   * a string property that is not required and has a pattern, a format or
//     a minLength also accepts "": Open Klant (Django REST framework,
//     blank=True fields) returns "" for such empty fields, which
//     drf-spectacular does not express in the generated contract.  The
//     fields this applies to are printed with how often "" was seen.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const [specPad, docsPad] = process.argv.slice(2);
const spec = parse(readFileSync(specPad, 'utf8'));
const bron = spec.components.schemas;

// Members of a multi-member allOf are parts of a composite: the composite
// is closed, not the part.  The Expand* composites (Open Klant's ?expand=,
// which this API does not have) are left out: they would open DigitaalAdres,
// Betrokkene and Klantcontact, and are not validated here.
const delen = new Set();
for (const [naam, s] of Object.entries(bron))
	if (!naam.startsWith('Expand') && Array.isArray(s.allOf) && s.allOf.length > 1)
		for (const d of s.allOf) if (d.$ref) delen.add(d.$ref.split('/').pop());

const blancoVelden = new Set();
function omzetten(s, naam) {
	if (Array.isArray(s)) return s.map((x) => omzetten(x));
	if (s === null || typeof s !== 'object') return s;
	let u = {};
	for (const [k, v] of Object.entries(s)) {
		if (k === '$ref') u.$ref = v.replace('#/components/schemas/', '#/$defs/');
		else if (k === 'properties') {
			u.properties = {};
			for (const [p, ps] of Object.entries(v)) {
				let q = omzetten(ps);
				const verplicht = (s.required || []).includes(p);
				if (!verplicht && ps.type === 'string' && (ps.pattern || ps.format || ps.minLength)) {
					blancoVelden.add(`${naam || '?'}.${p}`);
					q = { anyOf: [q, { const: '' }] };
				}
				u.properties[p] = q;
			}
		} else if (['nullable', 'discriminator', 'example', 'xml', 'externalDocs'].includes(k)) continue;
		else u[k] = omzetten(v);
	}
	if (s.discriminator && s.oneOf) {
		const { propertyName: p, mapping } = s.discriminator;
		delete u.oneOf;
		u.required = [p];
		u.properties = { [p]: { enum: Object.keys(mapping) } };
		u.allOf = Object.entries(mapping).map(([waarde, ref]) => ({
			if: { properties: { [p]: { const: waarde } } },
			then: { $ref: ref.replace('#/components/schemas/', '#/$defs/') },
		}));
	}
	if (naam !== undefined && !delen.has(naam) && (s.properties || (Array.isArray(s.allOf) && s.allOf.length > 1)))
		u.unevaluatedProperties = false;
	if (s.nullable) u = { anyOf: [u, { type: 'null' }] };
	return u;
}

const defs = {};
for (const [naam, s] of Object.entries(bron)) defs[naam] = omzetten(s, naam);
const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv, { mode: 'full' });
ajv.addSchema({ $id: 'klantinteracties', $defs: defs });

const validators = {};
const regels = readFileSync(docsPad, 'utf8').split('\n').filter((r) => r.trim() !== '');
const perBron = {};
let passed = 0, failed = 0;
const blancoGezien = {};
function telBlanco(doc, schema) {
	if (Array.isArray(doc)) return doc.forEach((d) => telBlanco(d, schema));
	if (doc === null || typeof doc !== 'object') return;
	for (const [k, v] of Object.entries(doc)) {
		if (v === '') for (const veld of blancoVelden) if (veld.endsWith('.' + k)) blancoGezien[k] = (blancoGezien[k] || 0) + 1;
		telBlanco(v, schema);
	}
}
for (const regel of regels) {
	const { schema, bron: waar, doc } = JSON.parse(regel);
	const v = (validators[schema] ||= ajv.getSchema(`klantinteracties#/$defs/${schema}`));
	if (!v) throw new Error(`unknown component schema ${schema}`);
	const b = (perBron[waar] ||= { schema, passed: 0, failed: 0 });
	telBlanco(doc, schema);
	if (v(doc)) { passed++; b.passed++; }
	else {
		failed++; b.failed++;
		console.log(`FAIL ${waar} (${schema}) uuid ${doc && doc.uuid}:`);
		for (const e of v.errors.slice(0, 10))
			console.log(`     ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
	}
}
// The check sees violations: for the first document of each component
// schema, an unknown key, a url that is no URI and a missing url must each
// be refused.
const gezien = new Set();
let weigeringen = 0;
for (const regel of regels) {
	const { schema, doc } = JSON.parse(regel);
	if (gezien.has(schema) || !doc || !('url' in doc)) continue;
	gezien.add(schema);
	const mutaties = [
		['unknown key', { ...doc, onbekendVeld: 1 }],
		['url not a URI', { ...doc, url: 'geen url' }],
		['url missing', Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'url'))],
	];
	for (const [wat, m] of mutaties) {
		if (validators[schema](m)) { failed++; console.log(`FAIL self-check: ${schema} accepted a document with ${wat}`); }
		else weigeringen++;
	}
}
console.log(`self-check: ${weigeringen} broken documents refused (${gezien.size} schemas x 3 mutations)`);
for (const [waar, b] of Object.entries(perBron).sort())
	console.log(`${b.failed ? 'FAIL' : 'ok  '} ${waar} -> ${b.schema}: ${b.passed} valid, ${b.failed} invalid`);
console.log(`"" accepted for non-required pattern/format/minLength fields: ` +
	Object.entries(blancoGezien).sort().map(([k, n]) => `${k} ${n}x`).join(', '));
console.log(`validated ${passed + failed} documents against the component schemas`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
