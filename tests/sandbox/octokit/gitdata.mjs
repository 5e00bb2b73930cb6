// One commit of several files through the git-data API, as the console makes it:
// getRef, getCommit, createBlob, createTree with base_tree (an add, a change and
// a delete), createCommit, updateRef without force, getTree recursive, and the
// refusal when the branch has moved.
// Arguments: OWNER REPO BRANCH
import { base64, client, failure, run } from "./common.mjs";

run(async ([owner, repo, branch]) => {
  const octokit = client();
  const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
  const parent = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.data.object.sha });

  const helper = "module.exports = (name) => `Hello, ${name}!`;\n";
  const blob = await octokit.rest.git.createBlob({ owner, repo, content: base64(helper), encoding: "base64" });
  const tree = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: parent.data.tree.sha,
    tree: [
      { path: "lib/greet.js", mode: "100644", type: "blob", sha: blob.data.sha },
      { path: "public/style.css", mode: "100644", type: "blob", content: "body { color: teal; }\n" },
      { path: "README.md", mode: "100644", type: "blob", sha: null },
    ],
  });
  const commit = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: "Greet from a module\n\nCo-authored-by: Octo Student <octo@students.example.org>\n",
    tree: tree.data.sha,
    parents: [ref.data.object.sha],
    author: { name: "Course TA", email: "ta@webapps101.example.org", date: "2026-03-04T05:06:07+02:00" },
  });
  const moved = await octokit.rest.git.updateRef({
    owner,
    repo,
    ref: `heads/${branch}`,
    sha: commit.data.sha,
    force: false,
  });
  const listing = await octokit.rest.git.getTree({ owner, repo, tree_sha: commit.data.sha, recursive: "true" });
  const rawBlob = await octokit.rest.git.getBlob({ owner, repo, file_sha: blob.data.sha, mediaType: { format: "raw" } });

  // Someone else's commit based on the old tip: not a fast forward any more.
  const rival = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: "A commit from a stale editor",
    tree: parent.data.tree.sha,
    parents: [ref.data.object.sha],
  });
  const refused = await failure(
    octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: rival.data.sha, force: false }),
  );

  return {
    ref: { status: ref.status, ref: ref.data.ref, sha: ref.data.object.sha, type: ref.data.object.type },
    parentTree: parent.data.tree.sha,
    blob: { status: blob.status, sha: blob.data.sha },
    tree: { status: tree.status, sha: tree.data.sha, paths: tree.data.tree.map((e) => e.path) },
    commit: {
      status: commit.status,
      sha: commit.data.sha,
      tree: commit.data.tree.sha,
      parents: commit.data.parents.map((p) => p.sha),
      message: commit.data.message,
      author: commit.data.author,
    },
    moved: { status: moved.status, sha: moved.data.object.sha },
    listing: {
      status: listing.status,
      sha: listing.data.sha,
      truncated: listing.data.truncated,
      entries: listing.data.tree.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha })),
    },
    rawBlob: { status: rawBlob.status, type: typeof rawBlob.data, text: typeof rawBlob.data === "string" ? rawBlob.data : "" },
    rival: rival.data.sha,
    refused,
  };
});
