'use strict';
/**
 * What exceljs's streaming workbook reader needs of `unzipper`: it does
 * `require('unzipper')` and calls only `Parse({ forceStream: true })`. The package's
 * entry also loads Extract, ParseOne and Open (fstream, glob, rimraf, big-integer,
 * duplexer2: ≈130 KiB of the function bundle) and polyfills for node 0.8.
 *
 * The function bundle (esbuild alias in infra/pack-function.ts) and the tests
 * (moduleNameMapper in jest.config.js) both resolve 'unzipper' to this module, so what
 * the tests read workbooks with is what is deployed. test/unit/xlsx checks that this is
 * the very Parse the package exports.
 */
// By path, not as 'unzipper/lib/parse': esbuild's alias would remap that subpath too.
module.exports = { Parse: require('../../node_modules/unzipper/lib/parse.js') };
