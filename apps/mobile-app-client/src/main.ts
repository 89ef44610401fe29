// The reference mobile app client as a program: `node dist/apps/mobile-app-client/main.js`.
// It prints `OPEN <url>` where a phone would open the system browser, waits for the browser to
// come back to its loopback redirect, then prints one `STEP <name> <json>` line per step.
import { runJourney } from './journey';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`set ${name}`);
  return value;
};

runJourney({
  baseUrl: env('MOBILE_BFF_URL', 'http://127.0.0.1:3002'),
  issuer: env('OIDC_ISSUER', 'http://127.0.0.1:3003'),
  clientId: env('OIDC_CLIENT_ID', 'storefront-app'),
  appVersion: env('APP_VERSION', '1.4.0'),
  oldAppVersion: env('OLD_APP_VERSION', '0.9.0'),
  openBrowser: (url) => void process.stdout.write(`OPEN ${url}\n`),
  report: (step, detail) => void process.stdout.write(`STEP ${step} ${JSON.stringify(detail)}\n`),
}).then(
  () => process.stdout.write('DONE\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
