import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { authenticate } from '../accounts';
import { log } from '../log';
import { readForm, sendHtml } from './respond';
import { errorPage, signInPage } from './views';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

const WRONG = 'Wrong e-mail or password.';

/**
 * The provider's interaction routes: the sign-in page (`GET /interaction/:uid`, an e-mail and
 * password form posting to `/interaction/:uid/login`) and no consent screen: every client here is
 * first-party, so a consent prompt is granted on the spot with what was asked. Returns false
 * when the path is not one of these routes.
 */
export function interactionRoutes(provider: Provider, mountPath: string) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(path);
    if (!match) return false;
    const [, uid, login] = match;
    try {
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.uid !== uid) {
        sendHtml(
          res,
          400,
          errorPage({ error: 'invalid_request', error_description: 'interaction mismatch' }),
        );
      } else if (req.method === 'GET' && !login) {
        await show(provider, interaction, req, res, mountPath);
      } else if (req.method === 'POST' && login && interaction.prompt.name === 'login') {
        await signIn(provider, interaction, req, res, mountPath);
      } else {
        sendHtml(
          res,
          405,
          errorPage({ error: 'invalid_request', error_description: 'not allowed here' }),
        );
      }
    } catch (error) {
      const status =
        (error as { status?: number; statusCode?: number }).status ??
        (error as { statusCode?: number }).statusCode ??
        500;
      if (status >= 500) log('error', 'interaction failed', { error: (error as Error).message });
      sendHtml(
        res,
        status >= 500 ? 500 : status,
        errorPage({
          error: (error as { error?: string }).error ?? 'invalid_request',
          error_description: status >= 500 ? 'the sign-in failed' : (error as Error).message,
        }),
      );
    }
    return true;
  };
}

async function show(
  provider: Provider,
  interaction: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
  mountPath: string,
): Promise<void> {
  if (interaction.prompt.name === 'login') {
    await sendSignInPage(provider, interaction, res, mountPath);
    return;
  }
  if (interaction.prompt.name !== 'consent') {
    sendHtml(
      res,
      400,
      errorPage({
        error: 'invalid_request',
        error_description: `unsupported prompt ${interaction.prompt.name}`,
      }),
    );
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { consent: await grantAll(provider, interaction) },
    { mergeWithLastSubmission: true },
  );
}

async function signIn(
  provider: Provider,
  interaction: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
  mountPath: string,
): Promise<void> {
  const form = await readForm(req);
  const email = form.get('email') ?? '';
  const account = authenticate(email, form.get('password') ?? '');
  if (!account) {
    log('info', 'sign-in refused', { clientId: interaction.params['client_id'] });
    await sendSignInPage(provider, interaction, res, mountPath, { email, error: WRONG });
    return;
  }
  log('info', 'signed in', { clientId: interaction.params['client_id'], sub: account.subject });
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.subject } },
    { mergeWithLastSubmission: false },
  );
}

/** The sign-in form of this interaction, again with the e-mail and an error after a failed try. */
async function sendSignInPage(
  provider: Provider,
  interaction: Interaction,
  res: ServerResponse,
  mountPath: string,
  retry: { email: string; error: string } | Record<string, never> = {},
): Promise<void> {
  const page = signInPage({
    action: action(mountPath, interaction),
    clientName: await clientName(provider, interaction),
    ...retry,
  });
  sendHtml(res, 200, page);
}

/** Grants what the consent prompt found missing (scopes, claims, resource scopes). */
async function grantAll(
  provider: Provider,
  interaction: Interaction,
): Promise<{ grantId?: string }> {
  const { prompt, params, session, grantId } = interaction;
  const details = prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session?.accountId, clientId: String(params['client_id']) });
  if (!grant) throw Object.assign(new Error('grant not found'), { status: 400 });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const saved = await grant.save();
  // A grant already in the session is modified in place; a new one is named in the result.
  return grantId ? {} : { grantId: saved };
}

const action = (mountPath: string, interaction: Interaction) =>
  `${mountPath}/interaction/${interaction.uid}/login`;

async function clientName(provider: Provider, interaction: Interaction): Promise<string> {
  const client = await provider.Client.find(String(interaction.params['client_id']));
  return client?.clientName ?? String(interaction.params['client_id']);
}
