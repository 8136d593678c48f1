// Walks a GitLab REST API (v4) the way an integrator would with @gitbeaker/rest, the widely used GitLab client for
// Node.js, and compares everything it reads with the GitLab estate file the service was started from. Exits 0 when
// every count and name matches, 1 on any difference or error.
//
// Usage: GITLAB_BASE_URL=http://127.0.0.1:PORT GITLAB_TOKEN=glpat-... node walk.js estate.json
// GITLAB_BASE_URL is the instance root; the API is under /api/v4.
//
// What the estate means, from the estate file format (connector-testing's README) and GitLab's REST reference:
// - GET /user: the estate's user (username, id, name).
// - GET /groups: the groups the user is a member of (all_available is false for a user), subgroups included, as
//   membership of a group is inherited by its subgroups (user/project/members#inherited-membership);
//   top_level_only=true: the top-level groups; min_access_level: those where the user has at least that level.
// - GET /groups/:id/members/all/:user_id: the user's access level on the group and on each of its subgroups.
// - GET /namespaces/:id: plan for the group's Owners only (api/namespaces#get-details-on-a-namespace).
// - GET /groups/:id/projects?include_subgroups=true: every project of the group's tree; archived=false leaves out
//   the archived ones (api/groups#list-projects).
// Lists are read with @gitbeaker's own pagination, which follows the Link header's next page (offset pagination,
// GitLab's default), with GitLab's default page size (20) and with 100.

import fs from 'node:fs';
import {Gitlab} from '@gitbeaker/rest';
import judgeLibrary from '../lib/judge.js';

const {createJudge, readInputs, sorted} = judgeLibrary;
const LEVELS = {owner: 50, maintainer: 40, developer: 30, reporter: 20, guest: 10};
const {expect, called, calls, run} = createJudge({client: 'the client', httpFailure: (error) => {
  const response = error.cause && error.cause.response;
  return response && `HTTP ${response.status}: ${error.cause.description}`;
}});

/** The installed @gitbeaker/rest version, from its package.json. */
function version() {
  const file = new URL('./node_modules/@gitbeaker/rest/package.json', import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

/** Every group of a top-level group's tree (itself first), with its full path, and every project's full path. */
function tree(group) {
  const groups = [];
  const projects = [];
  const walk = (node, fullPath) => {
    groups.push(fullPath);
    for (const project of node.projects || []) {
      projects.push({fullPath: `${fullPath}/${project.path}`, name: project.name || project.path,
        archived: project.archived === true});
    }
    for (const subgroup of node.subgroups || []) {
      walk(subgroup, `${fullPath}/${subgroup.path}`);
    }
  };
  walk(group, group.path);
  return {groups, projects};
}

async function main() {
  const {estate, baseUrl: host, token} = readInputs('GITLAB_BASE_URL', 'GITLAB_TOKEN');
  const groups = estate.groups.map((g) => ({accessLevel: 'owner', ...g}));
  const member = groups.filter((g) => g.accessLevel !== 'none');

  // Count every request @gitbeaker sends, through the fetch it uses.
  const fetchOnce = globalThis.fetch;
  globalThis.fetch = (...args) => {
    called();
    return fetchOnce(...args);
  };
  const api = new Gitlab({host, token});

  // Who am I.
  const user = await api.Users.showCurrentUser();
  expect('GET /user', {username: user.username, id: user.id, name: user.name}, estate.user);

  // Which groups: the top-level ones, every one (subgroups included) and those the user owns.
  for (const perPage of [undefined, 100]) {
    const topLevel = await api.Groups.all({topLevelOnly: true, perPage});
    expect(`GET /groups?top_level_only=true (per_page ${perPage || 'default'})`,
        sorted(topLevel.map((g) => `${g.full_path}:${g.name}:${g.parent_id}`)),
        sorted(member.map((g) => `${g.path}:${g.name || g.path}:null`)));
  }
  const everyGroup = await api.Groups.all();
  expect('GET /groups (subgroups included)', sorted(everyGroup.map((g) => g.full_path)),
      sorted(member.flatMap((g) => tree(g).groups)));
  const owned = await api.Groups.all({topLevelOnly: true, minAccessLevel: LEVELS.owner});
  expect('GET /groups?top_level_only=true&min_access_level=50', sorted(owned.map((g) => g.full_path)),
      sorted(member.filter((g) => g.accessLevel === 'owner').map((g) => g.path)));

  // Each top-level group: the user's access level (on it and on every subgroup, inherited), the plan, every project.
  let projectCount = 0;
  let subgroupCount = 0;
  const byPath = new Map(everyGroup.map((g) => [g.full_path, g]));
  for (const group of member) {
    const expected = tree(group);
    const found = byPath.get(group.path);
    if (!found) {
      continue;
    }
    for (const path of expected.groups) {
      const node = byPath.get(path);
      const membership = await api.GroupMembers.show(node ? node.id : path, user.id, {includeInherited: true});
      expect(`GET /groups/${path}/members/all/${user.id} access_level`, membership.access_level,
          LEVELS[group.accessLevel]);
    }
    subgroupCount += expected.groups.length - 1;

    const namespace = await api.Namespaces.show(found.id);
    expect(`GET /namespaces/${found.id} (${group.path}) plan`, namespace.plan === undefined ? null : namespace.plan,
        group.accessLevel === 'owner' ? (group.plan || 'free') : null);

    for (const perPage of [undefined, 100]) {
      const projects = await api.Groups.allProjects(found.id, {includeSubgroups: true, perPage});
      expect(`GET /groups/${group.path}/projects?include_subgroups=true (per_page ${perPage || 'default'})`,
          sorted(projects.map((p) => `${p.path_with_namespace}:${p.name}:${p.archived}`)),
          sorted(expected.projects.map((p) => `${p.fullPath}:${p.name}:${p.archived}`)));
      if (perPage) {
        projectCount += projects.length;
      }
    }
    // One page at a time, as a caller of showExpanded sees it: GitLab's offset headers (x-total, x-total-pages,
    // x-next-page) and maxPages, which stops after that many pages.
    const first = await api.Groups.allProjects(found.id, {includeSubgroups: true, page: 1, perPage: 20,
      showExpanded: true});
    const pages = Math.max(1, Math.ceil(expected.projects.length / 20));
    expect(`GET /groups/${group.path}/projects?include_subgroups=true&page=1 pagination`,
        {items: first.data.length, total: first.paginationInfo.total, totalPages: first.paginationInfo.totalPages,
          next: first.paginationInfo.next, current: first.paginationInfo.current},
        {items: Math.min(20, expected.projects.length), total: expected.projects.length, totalPages: pages,
          next: pages > 1 ? 2 : null, current: 1});
    const two = await api.Groups.allProjects(found.id, {includeSubgroups: true, perPage: 20, maxPages: 2});
    expect(`GET /groups/${group.path}/projects?include_subgroups=true with maxPages 2`, two.length,
        Math.min(40, expected.projects.length));
    const active = await api.Groups.allProjects(found.id, {includeSubgroups: true, archived: false, perPage: 100});
    expect(`GET /groups/${group.path}/projects?include_subgroups=true&archived=false`,
        sorted(active.map((p) => p.path_with_namespace)),
        sorted(expected.projects.filter((p) => !p.archived).map((p) => p.fullPath)));
    const direct = await api.Groups.allProjects(found.id);
    expect(`GET /groups/${group.path}/projects (the group's own)`, sorted(direct.map((p) => p.path_with_namespace)),
        sorted((group.projects || []).map((p) => `${group.path}/${p.path}`)));
  }

  // A group the user is not a member of is hidden (404), as GitLab hides private groups.
  for (const group of groups.filter((g) => g.accessLevel === 'none')) {
    let status = 200;
    try {
      await api.Groups.allProjects(group.path, {includeSubgroups: true});
    } catch (error) {
      status = error && error.cause && error.cause.response ? error.cause.response.status : 'error';
    }
    expect(`GET /groups/${group.path}/projects status (not a member)`, status, 404);
  }

  console.log(`@gitbeaker/rest ${version()}: user ${user.username}, ${member.length} top-level groups `
      + `(${subgroupCount} subgroups), ${projectCount} projects read in ${calls()} calls`);
}

run(main);
