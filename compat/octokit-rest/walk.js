// Walks a GitHub REST API the way an integrator would with GitHub's official JavaScript SDK, @octokit/rest, and
// compares everything it reads with the GitHub estate file the service was started from. Exits 0 when every count
// and name matches, 1 on any difference or error.
//
// Usage: GITHUB_BASE_URL=http://127.0.0.1:PORT GITHUB_TOKEN=ghu_...|ghp_... node walk.js estate.json
// With a GitHub App user access token (ghu_) it reads every route below; GitHub serves GET /user/installations and
// GET /user/installations/{id}/repositories to no other kind (docs.github.com/rest/apps/installations), so with a
// personal access token (ghp_) it checks that those two answer 403 and reads the rest.
//
// What the estate means, from the estate file format (connector-testing's README) and GitHub's REST reference:
// - GET /user: the estate's user (login, id, name).
// - GET /user/memberships/orgs?state=active: every organization whose role is admin or member, with that role.
// - GET /orgs/{org}: every organization, members or not (an organization's profile is public), with plan.name for
//   its Owners only (orgs/orgs#get-an-organization).
// - GET /orgs/{org}/installations: Owners only (403 for anyone else); the app's installation where app is "all" or
//   "selected".
// - GET /user/installations: the app's installations the user "has explicit permission ... to access", including
//   through an organization membership: on the owners they administer, and on organizations where, as a member,
//   they can access one of the app's repositories (apps/installations#list-app-installations-accessible-to-the-
//   user-access-token).
// - GET /user/installations/{id}/repositories: of the app's repositories (all of them for "all", those with
//   appAccess for "selected"), those the user can access.
// - GET /orgs/{org}/repos?type=all: every repository for an Owner; anyone else sees the public ones.
// - GET /user/repos?affiliation=owner: the repositories of the user's own account.

import fs from 'node:fs';
import {Octokit} from '@octokit/rest';
import judgeLibrary from '../lib/judge.js';

const {createJudge, readInputs, sorted} = judgeLibrary;
const APP_SLUG = 'microsoft-security-devops';
const {expect, called, calls, run} = createJudge({client: 'the official client',
  httpFailure: (error) => error.status
    && `HTTP ${error.status}: ${JSON.stringify(error.response && error.response.data)}`});

async function status(promise) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error && error.status) {
      return error.status;
    }
    throw error;
  }
}

/** The status of a refused call, with the start of GitHub's message when it names the GitHub App token rule. */
async function failure(promise) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error && error.status) {
      const message = error.response && error.response.data && error.response.data.message || '';
      return message.startsWith('You must authenticate with an access token authorized to a GitHub App')
        ? error.status : `${error.status} ${JSON.stringify(message)}`;
    }
    throw error;
  }
}

/** The installed @octokit/rest version, from its package.json (the package exports no such path). */
function version() {
  const file = new URL('./node_modules/@octokit/rest/package.json', import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

async function main() {
  const {estate, baseUrl, token} = readInputs('GITHUB_BASE_URL', 'GITHUB_TOKEN');
  // GitHub's token formats: ghu_ is a GitHub App user access token; ghp_ and github_pat_ are personal access tokens.
  const appUserToken = token.startsWith('ghu_');
  const owners = estate.owners.map((o) => ({role: 'admin', plan: 'free', repositories: [], ...o}));
  const organizations = owners.filter((o) => o.type === 'Organization');
  const visible = organizations.filter((o) => o.role !== 'none');
  const userAccount = owners.find((o) => o.type === 'User');
  const names = (repositories) => sorted(repositories.map((r) => r.name));
  const appRepositories = (o) => (o.app === 'selected' ? o.repositories.filter((r) => r.appAccess !== false)
    : o.repositories);
  // What the user can access: everything of an owner they administer; elsewhere, as a member, the public ones.
  const accessible = (o) => appRepositories(o).filter((r) => o.role === 'admin' || !r.private);

  // Octokit logs every failed request; the expected 403s are checked below, and any other failure is reported.
  const quiet = () => {};
  const octokit = new Octokit({auth: token, baseUrl, userAgent: 'devops-connector-compat',
    log: {debug: quiet, info: quiet, warn: quiet, error: quiet}});
  octokit.hook.before('request', called);

  // Who am I.
  const {data: user} = await octokit.rest.users.getAuthenticated();
  expect('GET /user', {login: user.login, id: user.id, name: user.name}, estate.user);

  // Which organizations, with which role: paginated with GitHub's default page size (30) and with 100.
  for (const perPage of [undefined, 100]) {
    const memberships = await octokit.paginate(octokit.rest.orgs.listMembershipsForAuthenticatedUser,
        {state: 'active', per_page: perPage});
    expect(`memberships (per_page ${perPage || 'default'})`,
        sorted(memberships.map((m) => `${m.organization.login}:${m.role}:${m.state}`)),
        sorted(visible.map((o) => `${o.login}:${o.role}:active`)));
  }

  // Each organization: the plan (Owners only) and the app's installations (Owners only, 403 otherwise).
  let installationsSeen = 0;
  const organizationInstallationIds = [];
  for (const org of organizations) {
    const {data: details} = await octokit.rest.orgs.get({org: org.login});
    expect(`GET /orgs/${org.login} login`, details.login, org.login);
    expect(`GET /orgs/${org.login} plan`, details.plan ? details.plan.name : null,
        org.role === 'admin' ? org.plan : null);
    if (org.role !== 'admin') {
      expect(`GET /orgs/${org.login}/installations status (${org.role === 'none' ? 'not a member' : 'member'})`,
          await status(octokit.rest.orgs.listAppInstallations({org: org.login})), 403);
      continue;
    }
    const installations = await octokit.paginate(octokit.rest.orgs.listAppInstallations, {org: org.login});
    installationsSeen += installations.length;
    organizationInstallationIds.push(...installations.map((i) => i.id));
    expect(`GET /orgs/${org.login}/installations`,
        installations.map((i) => `${i.app_slug}:${i.account.login}:${i.repository_selection}`),
        org.app === 'none' ? [] : [`${APP_SLUG}:${org.login}:${org.app}`]);
  }

  // The app's installations the user can reach, and the repositories each one can access: only with a GitHub App
  // user access token; any other token gets 403 (apps/installations#list-app-installations-accessible-to-the-user-
  // access-token: "You must use a user access token, created for a user who has authorized your GitHub App").
  let installations = [];
  let appRepositoryCount = 0;
  if (!appUserToken) {
    const refused = await failure(octokit.rest.apps.listInstallationsForAuthenticatedUser());
    expect('GET /user/installations with a personal access token', refused, 403);
    for (const id of organizationInstallationIds) {
      expect(`GET /user/installations/${id}/repositories with a personal access token`,
          await failure(octokit.rest.apps.listInstallationReposForAuthenticatedUser({installation_id: id})), 403);
    }
  } else {
    installations = await octokit.paginate(octokit.rest.apps.listInstallationsForAuthenticatedUser,
        {per_page: 100});
    const installed = owners.filter((o) => o.app !== 'none'
        && (o.role === 'admin' || (o.role === 'member' && accessible(o).length > 0)));
    expect('GET /user/installations',
        sorted(installations.map((i) => `${i.account.login}:${i.repository_selection}`)),
        sorted(installed.map((o) => `${o.login}:${o.app}`)));
    for (const installation of installations) {
      const owner = owners.find((o) => o.login === installation.account.login);
      for (const perPage of [undefined, 100]) {
        const repositories = await octokit.paginate(octokit.rest.apps.listInstallationReposForAuthenticatedUser,
            {installation_id: installation.id, per_page: perPage});
        expect(`GET /user/installations/${installation.id}/repositories of ${owner && owner.login} `
            + `(per_page ${perPage || 'default'})`, names(repositories), owner ? names(accessible(owner)) : []);
        if (perPage) {
          appRepositoryCount += repositories.length;
        }
      }
    }
  }

  // Every organization's repositories as the user sees them, and the user's own.
  let repositoryCount = 0;
  for (const org of organizations) {
    for (const perPage of [undefined, 100]) {
      const repositories = await octokit.paginate(octokit.rest.repos.listForOrg,
          {org: org.login, type: 'all', per_page: perPage});
      const expected = org.role === 'admin' ? org.repositories : org.repositories.filter((r) => !r.private);
      expect(`GET /orgs/${org.login}/repos (per_page ${perPage || 'default'})`, names(repositories), names(expected));
      expect(`GET /orgs/${org.login}/repos private and archived flags`,
          sorted(repositories.map((r) => `${r.name}:${r.private}:${r.archived}`)),
          sorted(expected.map((r) => `${r.name}:${r.private}:${r.archived === true}`)));
      if (perPage) {
        repositoryCount += repositories.length;
      }
    }
  }
  const own = await octokit.paginate(octokit.rest.repos.listForAuthenticatedUser, {affiliation: 'owner'});
  expect('GET /user/repos?affiliation=owner', names(own), userAccount ? names(userAccount.repositories) : []);
  repositoryCount += own.length;

  console.log(`@octokit/rest ${version()} with a ${appUserToken ? 'GitHub App user access token'
    : 'personal access token'}: user ${user.login}, ${visible.length} organizations, ${installationsSeen} `
      + `organization installations, ${appUserToken ? `${installations.length} user installations `
        + `(${appRepositoryCount} repositories the app can access)` : 'user installations refused (403)'}, `
      + `${repositoryCount} repositories read in ${calls()} calls`);
}

run(main);
