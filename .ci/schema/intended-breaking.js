'use strict';
// A graphql-inspector diff rule (`--rule`). A breaking change is intended, and reported as
// dangerous so that the diff passes, when its schema coordinate (`Type`, `Type.field`,
// `Type.field(arg:)`, `Enum.VALUE`, `Input.field`) is written in backticks on a line of the
// "### Breaking" list under "## Unreleased" in CHANGELOG.md ($SCHEMA_CHANGELOG overrides the
// path). The coordinate is appended to every breaking or dangerous change's message: it is what
// to list.
const fs = require('fs');
const path = require('path');
const { CriticalityLevel } = require('@graphql-inspector/core');

const changelog = process.env.SCHEMA_CHANGELOG || path.join(__dirname, '..', '..', 'CHANGELOG.md');

/** The coordinates in backticks on the lines of "## Unreleased" → "### Breaking". */
function listedAsBreaking(text) {
  const listed = new Set();
  let section = null;
  let list = null;
  for (const line of text.split('\n')) {
    if (/^## /.test(line)) {
      section = line.slice(3).trim();
      list = null;
    } else if (/^### /.test(line)) {
      list = line.slice(4).trim();
    } else if (section === 'Unreleased' && list === 'Breaking') {
      for (const m of line.matchAll(/`([^`]+)`/g)) listed.add(m[1]);
    }
  }
  return listed;
}

/** The schema coordinate of a change; an argument's path `Type.field.arg` is `Type.field(arg:)`. */
function coordinate(change) {
  const parts = (change.path || '').split('.');
  if (change.type.startsWith('FIELD_ARGUMENT') && parts.length === 3) {
    return `${parts[0]}.${parts[1]}(${parts[2]}:)`;
  }
  return change.path || '';
}

module.exports = ({ changes }) => {
  const listed = listedAsBreaking(fs.readFileSync(changelog, 'utf8'));
  return changes.map((change) => {
    const level = change.criticality.level;
    if (level === CriticalityLevel.NonBreaking) return change;
    const at = coordinate(change);
    const message = at ? `${change.message}  [${at}]` : change.message;
    if (level === CriticalityLevel.Breaking && listed.has(at)) {
      return {
        ...change,
        message: `${message} (intended: under Breaking in CHANGELOG.md)`,
        criticality: { ...change.criticality, level: CriticalityLevel.Dangerous },
      };
    }
    return { ...change, message };
  });
};
