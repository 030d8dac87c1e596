// Validates a Frictionless Data Package with the Frictionless JavaScript libraries (datapackage-js, tableschema-js):
// the descriptor against the Data Package / Tabular Data Package profiles, then every CSV resource's rows against its
// Table Schema (types, constraints, primary key) and its foreign keys against the resources they reference.
// Usage: node validate-datapackage.js PATH/datapackage.json
// Prints one JSON object: {valid, errors: [...], resources: {name: rows}}; exits 0 when valid, 1 when not, 2 on misuse.
'use strict';
const { Package } = require('datapackage');

async function main(descriptorPath) {
  const errors = [];
  const resources = {};
  const pkg = await Package.load(descriptorPath);
  if (!pkg.valid) {
    for (const e of pkg.errors) errors.push(`descriptor: ${e.message}`);
  }
  for (const resource of pkg.resources) {
    const name = resource.name;
    if (!resource.valid) {
      for (const e of resource.errors) errors.push(`${name}: descriptor: ${e.message}`);
      continue;
    }
    if (!resource.tabular) continue;
    try {
      // cast: every value read as its field's type; relations: each foreign key looked up in the resource it references.
      const rows = await resource.read({ cast: true, relations: true });
      resources[name] = rows.length;
    } catch (e) {
      const details = (e.errors || []).map((x) => x.message).filter((m) => m);
      errors.push(`${name}: ${e.message}${details.length ? ': ' + details.slice(0, 5).join(' | ') : ''}`);
    }
  }
  return { valid: errors.length === 0, errors, resources };
}

if (process.argv.length !== 3) {
  console.error('usage: node validate-datapackage.js PATH/datapackage.json');
  process.exit(2);
}
main(process.argv[2]).then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(result.valid ? 0 : 1);
  },
  (e) => {
    console.log(JSON.stringify({ valid: false, errors: [`load: ${e.message}`], resources: {} }));
    process.exit(1);
  });
