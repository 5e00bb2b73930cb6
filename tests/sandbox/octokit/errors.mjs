// What octokit makes of the sandbox's errors: each must reach the caller as a
// RequestError with GitHub's status and body.
// Arguments: ORG TEMPLATE EXISTING_REPO EMPTY_REPO
import { client, failure, run } from "./common.mjs";

run(async ([org, template, existing, empty]) => {
  const octokit = client();
  const got = await octokit.rest.repos.get({ owner: org, repo: existing });
  return {
    missingRepo: await failure(octokit.rest.repos.get({ owner: org, repo: "no-such-repository" })),
    missingFile: await failure(octokit.rest.repos.getContent({ owner: org, repo: existing, path: "no/such/file.js" })),
    missingRef: await failure(octokit.rest.git.getRef({ owner: org, repo: existing, ref: "heads/no-such-branch" })),
    emptyRepo: await failure(octokit.rest.git.getRef({ owner: org, repo: empty, ref: "heads/main" })),
    duplicateName: await failure(
      octokit.rest.repos.createUsingTemplate({ template_owner: org, template_repo: template, owner: org, name: existing }),
    ),
    shaAndContent: await failure(
      octokit.rest.git.createTree({
        owner: org,
        repo: existing,
        tree: [{ path: "x.txt", mode: "100644", type: "blob", content: "x\n", sha: got.data.id.toString(16).padStart(40, "0") }],
      }),
    ),
    notModified: await failure(
      octokit.rest.repos.get({ owner: org, repo: existing, headers: { "if-none-match": got.headers.etag } }),
    ),
    badCredentials: await failure(
      new (octokit.constructor)({ auth: "ghp_not_a_token", baseUrl: process.env.COURSEOPS_GITHUB_API }).rest.users.getAuthenticated(),
    ),
  };
});
