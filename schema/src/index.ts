/** Typed documents and types generated from the API schema (npm run codegen). */
export * from './__generated__/graphql';
