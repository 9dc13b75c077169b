'use strict';
// For `schema-check --self-test`: writes deliberately changed copies of an SDL into a folder,
// one file per change, and prints as JSON the coordinates it changed. `node variants.js SDL DIR`
const fs = require('fs');
const path = require('path');
const { parse, print, visit } = require('graphql');

const [sdlPath, dir] = process.argv.slice(2);
const document = parse(fs.readFileSync(sdlPath, 'utf8'));
const query = document.definitions.find((d) => d.name && d.name.value === 'Query');
const removed = query.fields[query.fields.length - 1];
const withArgs = query.fields.find((f) => f.arguments && f.arguments.length > 0);
const arg = withArgs.arguments[0];
const argType = print(arg.type) === 'String!' ? 'Int!' : 'String!';

/** A field definition node from its SDL. */
const field = (sdl) => parse(`type T { ${sdl} }`).definitions[0].fields[0];

/** The SDL with `change` applied to Query's list of fields. */
function withQueryFields(change) {
  return print(
    visit(document, {
      ObjectTypeDefinition(node) {
        return node.name.value === 'Query' ? { ...node, fields: change(node.fields) } : undefined;
      },
    }),
  );
}

const replacing = (target, by) => (fields) => fields.map((f) => (f === target ? by(f) : f));
const newArgType = field(`f(a: ${argType}): Int`).arguments[0].type;
const deprecation = field('f: Int @deprecated(reason: "self-test")').directives;

const variants = {
  'removed-field': withQueryFields((fields) => fields.filter((f) => f !== removed)),
  'changed-argument': withQueryFields(
    replacing(withArgs, (f) => ({
      ...f,
      arguments: f.arguments.map((a) => (a === arg ? { ...a, type: newArgType } : a)),
    })),
  ),
  'added-field': withQueryFields((fields) => [...fields, field('selfTestAdded: Boolean')]),
  deprecated: withQueryFields(
    replacing(removed, (f) => ({ ...f, directives: [...f.directives, ...deprecation] })),
  ),
  invalid: withQueryFields((fields) => [...fields, field('selfTestBroken: NoSuchType')]),
};
for (const [name, sdl] of Object.entries(variants)) {
  fs.writeFileSync(path.join(dir, `${name}.graphql`), sdl);
}
console.log(
  JSON.stringify({
    removedField: `Query.${removed.name.value}`,
    changedArgument: `Query.${withArgs.name.value}(${arg.name.value}:)`,
  }),
);
