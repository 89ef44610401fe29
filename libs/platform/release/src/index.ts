// Nothing here ships: what a release is (an app's last `<app>@x.y.z` tag), the files it held and
// whether a pact holds against a document are for tests and tools, through `./testing`.
export type { ReleaseRef } from './lib/release-ref';
