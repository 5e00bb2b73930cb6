// repos.getContent (file, directory, the object and raw formats), getReadme, createOrUpdateFileContents with and
// without a sha, deleteFile.
// Arguments: OWNER REPO
import { base64, client, failure, run, text } from "./common.mjs";

run(async ([owner, repo]) => {
  const octokit = client();
  const file = await octokit.rest.repos.getContent({ owner, repo, path: "index.js" });
  const dir = await octokit.rest.repos.getContent({ owner, repo, path: "public" });
  const dirObject = await octokit.rest.repos.getContent({
    owner,
    repo,
    path: "public",
    mediaType: { format: "object" },
  });
  const raw = await octokit.rest.repos.getContent({
    owner,
    repo,
    path: "package.json",
    mediaType: { format: "raw" },
  });
  const readme = await octokit.rest.repos.getReadme({ owner, repo });
  const readmeRaw = await octokit.rest.repos.getReadme({ owner, repo, mediaType: { format: "raw" } });

  const edited = text(file.data.content).replace("'Your Name'", "'Octo Cat'");
  const updated = await octokit.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    path: "index.js",
    message: "Put my name on the page",
    content: base64(edited),
    sha: file.data.sha,
  });
  // The blob the first call replaced is gone from the branch: the same sha again is stale.
  const stale = await failure(
    octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: "index.js",
      message: "An edit based on the old file",
      content: base64("// lost\n"),
      sha: file.data.sha,
    }),
  );

  const created = await octokit.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    path: "notes/week 1.md",
    message: "Add notes",
    content: base64("# Week 1\n"),
    author: { name: "Octo Student", email: "octo@students.example.org" },
    committer: { name: "Course TA", email: "ta@webapps101.example.org" },
  });
  const deleted = await octokit.rest.repos.deleteFile({
    owner,
    repo,
    path: "notes/week 1.md",
    message: "Remove notes",
    sha: created.data.content.sha,
  });

  return {
    file: {
      status: file.status,
      type: file.data.type,
      path: file.data.path,
      sha: file.data.sha,
      size: file.data.size,
      encoding: file.data.encoding,
      text: text(file.data.content),
    },
    dir: dir.data.map((e) => ({ path: e.path, type: e.type, sha: e.sha })),
    dirObject: {
      type: dirObject.data.type,
      path: dirObject.data.path,
      sha: dirObject.data.sha,
      entries: Array.isArray(dirObject.data.entries) ? dirObject.data.entries.map((e) => e.path) : null,
    },
    raw: { status: raw.status, type: typeof raw.data, text: typeof raw.data === "string" ? raw.data : "" },
    readme: { status: readme.status, path: readme.data.path, sha: readme.data.sha, text: text(readme.data.content) },
    readmeRaw: { type: typeof readmeRaw.data, text: typeof readmeRaw.data === "string" ? readmeRaw.data : "" },
    edited,
    updated: {
      status: updated.status,
      contentSha: updated.data.content.sha,
      commitSha: updated.data.commit.sha,
      commitMessage: updated.data.commit.message,
    },
    stale,
    created: {
      status: created.status,
      path: created.data.content.path,
      contentSha: created.data.content.sha,
      commitSha: created.data.commit.sha,
      author: created.data.commit.author,
      committer: created.data.commit.committer,
    },
    deleted: {
      status: deleted.status,
      content: deleted.data.content,
      commitSha: deleted.data.commit.sha,
      parents: deleted.data.commit.parents.map((p) => p.sha),
    },
  };
});
