"""Builds and validates an SDL file with graphql-core, the reference GraphQL implementation's
Python port: a syntax error, an unknown type or an invalid schema fails."""

import sys

from graphql import GraphQLError, build_schema, validate_schema


def main(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        sdl = f.read()
    try:
        schema = build_schema(sdl)
    except (GraphQLError, TypeError) as e:
        print(f"{path}: does not build: {e}", file=sys.stderr)
        return 1
    errors = validate_schema(schema)
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    if errors:
        return 1
    print(f"{path}: valid ({len(schema.type_map)} types)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
