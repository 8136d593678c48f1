'use strict';
// Walks an Azure DevOps service the way an integrator would with Microsoft's own client, azure-devops-node-api, and
// compares everything it reads with the estate file the service was started from. Exits 0 when every count and
// name matches, 1 on any difference or error.
//
// Usage: ADO_BASE_URL=http://127.0.0.1:PORT ADO_PAT=... node walk.js estate.json
// ADO_BASE_URL is the server root (the single-host layout): organizations live at {ADO_BASE_URL}/{organization}.

const azdev = require('azure-devops-node-api');
const {createJudge, readInputs, sorted} = require('../lib/judge.js');

const PAGE = 100;
const {expect, problem, called, calls, run} = createJudge({client: 'the official client',
  httpFailure: (error) => error.statusCode && `HTTP ${error.statusCode}: ${JSON.stringify(error.result)}`});

function namesOf(entries) {
  return (entries || []).map((entry) => (typeof entry === 'string' ? entry : entry.name));
}

async function counted(promise) {
  called();
  return promise;
}

async function walkOrganization(base, handler, org) {
  const url = `${base}/${encodeURIComponent(org.name)}`;
  const connection = new azdev.WebApi(url, handler);
  const data = await counted(connection.connect());
  if (!data || !data.authenticatedUser || !data.authenticatedUser.id) {
    problem(`${org.name}: connect() returned no authenticated user`);
  }

  const core = await connection.getCoreApi();
  const projects = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await counted(core.getProjects(undefined, PAGE, skip));
    projects.push(...page);
    if (page.length < PAGE) {
      break;
    }
  }
  const expectedProjects = org.projects || [];
  expect(`${org.name}: project count`, projects.length, expectedProjects.length);
  expect(`${org.name}: project names`, sorted(projects.map((p) => p.name)), sorted(namesOf(expectedProjects)));

  for (const project of projects) {
    const one = await counted(core.getProject(project.id));
    expect(`${org.name}: getProject(${project.id}).name`, one && one.name, project.name);
  }

  const git = await connection.getGitApi();
  const everyRepository = await counted(git.getRepositories());
  const expectedRepositories = expectedProjects.flatMap((p) => namesOf(p.repositories));
  expect(`${org.name}: organization-wide repository names`, sorted(everyRepository.map((r) => r.name)),
      sorted(expectedRepositories));

  const pipelinesApi = await connection.getPipelinesApi();
  const buildApi = await connection.getBuildApi();
  const byName = new Map(expectedProjects.map((p) => [p.name, p]));
  for (const project of projects) {
    const expected = byName.get(project.name) || {};
    const repositories = await counted(git.getRepositories(project.name));
    expect(`${org.name}/${project.name}: repositories`, sorted(repositories.map((r) => r.name)),
        sorted(namesOf(expected.repositories)));
    const pipelines = await counted(pipelinesApi.listPipelines(project.name));
    expect(`${org.name}/${project.name}: pipelines`, sorted(pipelines.map((p) => p.name)),
        sorted(namesOf(expected.pipelines)));
    const definitions = await counted(buildApi.getDefinitions(project.name));
    expect(`${org.name}/${project.name}: build definitions`, sorted(definitions.map((d) => d.name)),
        sorted(namesOf(expected.pipelines)));
  }
  return {projects: projects.length, repositories: everyRepository.length};
}

async function main() {
  const {estate, baseUrl: base, token: pat} = readInputs('ADO_BASE_URL', 'ADO_PAT');
  const organizations = estate.organizations.filter((o) => o.accessible !== false);
  const handler = azdev.getPersonalAccessTokenHandler(pat);

  // Who am I: the profile, through the first organization's resource areas (the profile area lives on the root).
  const first = new azdev.WebApi(`${base}/${encodeURIComponent(organizations[0].name)}`, handler);
  const profileApi = await first.getProfileApi();
  const profile = await counted(profileApi.getProfile('me'));
  if (!profile || !profile.id) {
    throw new Error('getProfile(\'me\') returned no id');
  }
  expect('profile display name', profile.displayName, estate.user.displayName);

  // Which organizations: the accounts API has no typed client in azure-devops-node-api; use its REST helper on the
  // profile area's host, as the REST reference shows (GET _apis/accounts?memberId=).
  const accountsUrl = `${profileApi.baseUrl.replace(/\/+$/, '')}/_apis/accounts?memberId=${encodeURIComponent(profile.id)}`
      + '&api-version=7.1';
  const accounts = await counted(first.rest.get(accountsUrl));
  const names = (accounts.result && accounts.result.value || []).map((a) => a.accountName);
  expect('organizations', sorted(names), sorted(organizations.map((o) => o.name)));

  let projects = 0;
  let repositories = 0;
  for (const org of organizations) {
    const found = await walkOrganization(base, handler, org);
    projects += found.projects;
    repositories += found.repositories;
  }
  console.log(`azure-devops-node-api ${require('azure-devops-node-api/package.json').version}: ${names.length} `
      + `organizations, ${projects} projects, ${repositories} repositories read in ${calls()} calls`);
}

run(main);
