// Sign-in with the realm (Keycloak, or the local stack's development issuer): OpenID Connect authorization code
// with PKCE through oidc-client-ts. Tokens live in this tab's sessionStorage and are renewed with the refresh
// token a minute before they expire; a page that finds no valid session sends its user to the login page and
// comes back to the route it was on.
import {reactive} from 'vue';
import {UserManager, WebStorageStateStore} from 'oidc-client-ts';
import {claimsOf, personOf} from './person.js';

function managerFor(config) {
  const home = `${location.origin}/workbench/`;
  return new UserManager({
    authority: config.issuerUri,
    client_id: config.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: 'openid',
    loadUserInfo: false,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({store: window.sessionStorage}),
  });
}

/**
 * The signed-in session, or null when the browser is on its way to the login page. `person` follows each
 * renewal; `token()` is the access token to send now.
 */
export async function startSession(config) {
  const manager = managerFor(config);
  const url = new URL(location.href);
  if (url.searchParams.has('code') && url.searchParams.has('state')) {
    const signedIn = await manager.signinRedirectCallback();
    // Back to the route the person was on before signing in, without the code in the address bar.
    history.replaceState(null, '', url.pathname + (signedIn.state && signedIn.state.hash || ''));
  }
  let user = await manager.getUser();
  if (user && user.expired && user.refresh_token) {
    user = await manager.signinSilent().catch(() => null);
  }
  if (!user || user.expired) {
    await manager.signinRedirect({state: {hash: location.hash}});
    return null;
  }
  const person = reactive(personOf(claimsOf(user.access_token)));
  let current = user;
  manager.events.addUserLoaded(renewed => {
    current = renewed;
    Object.assign(person, personOf(claimsOf(renewed.access_token)));
  });
  manager.events.addSilentRenewError(() => {
    // The session ended at the realm (signed out elsewhere, idle too long): sign in again.
    manager.signinRedirect({state: {hash: location.hash}});
  });
  return {
    person,
    async token() {
      if (current.expired) {
        current = await manager.signinSilent();
      }
      return current.access_token;
    },
    signOut() {
      return manager.signoutRedirect();
    },
  };
}
