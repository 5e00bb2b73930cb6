// repos.get, repos.listForOrg through octokit.paginate, repos.createUsingTemplate.
// Arguments: ORG TEMPLATE NEW_NAME PER_PAGE
import { client, run } from "./common.mjs";

run(async ([org, template, name, perPage]) => {
  const octokit = client();
  const templ = await octokit.rest.repos.get({ owner: org, repo: template });

  const before = octokit.requestCount;
  const listed = await octokit.paginate(octokit.rest.repos.listForOrg, {
    org,
    type: "all",
    per_page: Number(perPage),
  });
  const pages = octokit.requestCount - before;

  const generated = await octokit.rest.repos.createUsingTemplate({
    template_owner: org,
    template_repo: template,
    owner: org,
    name,
    private: true,
    description: "made by @octokit/rest",
  });
  const fetched = await octokit.rest.repos.get({ owner: org, repo: name });

  return {
    template: {
      status: templ.status,
      fullName: templ.data.full_name,
      isTemplate: templ.data.is_template,
      defaultBranch: templ.data.default_branch,
      etag: templ.headers.etag ?? "",
      remaining: templ.headers["x-ratelimit-remaining"] ?? "",
    },
    listed: listed.map((r) => r.full_name),
    pages,
    generated: {
      status: generated.status,
      fullName: generated.data.full_name,
      private: generated.data.private,
      templateRepository: generated.data.template_repository?.full_name ?? null,
    },
    fetched: {
      status: fetched.status,
      fullName: fetched.data.full_name,
      description: fetched.data.description,
      templateRepository: fetched.data.template_repository?.full_name ?? null,
    },
  };
});
