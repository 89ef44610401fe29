// `npx nx run core-api:dev-token [--customer=<id>]`: prints a development service token on
// stdout (only the token, so `$(…)` works) and how to use it on stderr; exit 1 when refused.
import { mintDevToken } from './dev-token';

void mintDevToken(process.env, process.argv.slice(2)).then((result) => {
  if (!result.ok) {
    process.stderr.write(`${result.refusal}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`${result.guidance}\n`);
  process.stdout.write(`${result.token}\n`);
});
