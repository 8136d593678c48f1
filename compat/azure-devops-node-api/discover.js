'use strict';
// What an integrator writes with Microsoft's azure-devops-node-api to see an estate: for every organization, the
// projects (paged with $top/$skip), the organization's Git repositories in one call and each project's pipelines,
// all requests of an organization in flight at once (Promise.all), every organization at once. Prints one line:
// the organizations, projects, repositories and pipelines read, the calls made and the wall time in milliseconds.
//
// Usage: ADO_BASE_URL=http://127.0.0.1:PORT ADO_PAT=... node discover.js organization [organization...]

const azdev = require('azure-devops-node-api');

const PAGE = 100;
let calls = 0;

async function counted(promise) {
  calls++;
  return promise;
}

async function discoverOrganization(base, handler, name) {
  const connection = new azdev.WebApi(`${base}/${encodeURIComponent(name)}`, handler);
  const [core, git, pipelinesApi] = await Promise.all(
    [connection.getCoreApi(), connection.getGitApi(), connection.getPipelinesApi()]);
  const projectsAndRepositories = Promise.all([
    (async () => {
      const projects = [];
      for (let skip = 0; ; skip += PAGE) {
        const page = await counted(core.getProjects(undefined, PAGE, skip));
        projects.push(...page);
        if (page.length < PAGE) {
          return projects;
        }
      }
    })(),
    counted(git.getRepositories()),
  ]);
  const [projects, repositories] = await projectsAndRepositories;
  const pipelines = await Promise.all(projects.map((p) => counted(pipelinesApi.listPipelines(p.name))));
  return {
    projects: projects.length,
    repositories: repositories.length,
    pipelines: pipelines.reduce((sum, list) => sum + list.length, 0),
  };
}

async function main() {
  const base = (process.env.ADO_BASE_URL || '').replace(/\/+$/, '');
  const pat = process.env.ADO_PAT;
  const organizations = process.argv.slice(2);
  if (!base || !pat || organizations.length === 0) {
    console.error('usage: ADO_BASE_URL=... ADO_PAT=... node discover.js organization [organization...]');
    process.exit(2);
  }
  const handler = azdev.getPersonalAccessTokenHandler(pat);
  const started = process.hrtime.bigint();
  const results = await Promise.all(organizations.map((name) => discoverOrganization(base, handler, name)));
  const wall = Number((process.hrtime.bigint() - started) / 1000000n);
  const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
  console.log(`azure-devops-node-api: organizations=${results.length} projects=${total('projects')} `
      + `repositories=${total('repositories')} pipelines=${total('pipelines')} calls=${calls} wall=${wall}`);
}

main().catch((e) => {
  console.error(`FAILED: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
