// gzip.mjs writes to stdout the gzip member (RFC 1952) of what it reads on
// stdin, deflated by Zopfli (@gfx/zopfli, Zopfli compiled to
// WebAssembly): the densest deflate a gzip decoder reads, 4-6% smaller
// than zlib's -9 on the site's WebAssembly, at some seconds a megabyte.
// `workbench static -gzip "node web/build/gzip.mjs"` writes the site's
// .gz files with it (make static does).
import { gzipAsync } from "@gfx/zopfli";

// iterations is Zopfli's number of passes over each block (its command
// line's default is 15): on app.wasm (8.9 MB), 5 passes give 1,860,591
// bytes in 24-33 s, one pass 1,865,843 bytes in 22 s, and Go's
// compress/gzip at its best compression 1,966,709.
const iterations = 5;

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
process.stdout.write(await gzipAsync(Buffer.concat(chunks), { numiterations: iterations }));
