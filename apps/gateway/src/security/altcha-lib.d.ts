// altcha-lib ships its types only behind package.json "exports", which the repo's `moduleResolution`
// (node10, implied by module commonjs) does not read. These aliases point the type checker at the same
// CommonJS build that Node's runtime resolution picks, so `import … from 'altcha-lib'` type-checks and runs.
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/pbkdf2' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/pbkdf2';
}
declare module 'altcha-lib/algorithms/sha' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/sha';
}
