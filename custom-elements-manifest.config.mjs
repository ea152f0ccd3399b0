export default {
  globs: ['src/widgets/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/define.ts', 'src/**/*.types.ts'],
  outdir: 'dist',
  litelement: true,
};
