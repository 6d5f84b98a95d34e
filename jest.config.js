/** Jest runs the TypeScript sources through swc (fast, no type check: `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // LibreOffice conversions and the property test take a few seconds each.
  testTimeout: 60000,
};
