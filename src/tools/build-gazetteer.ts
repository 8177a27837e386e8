// Placeholder until the gazetteer builder lands: the build step must exist for `npm run build`.
console.log('gazetteer: nothing to build yet');
