// Feeds arbitrary bytes to every decoder of GitHub's answers (the same
// functions the client calls on response bodies), to the Link-header reader and
// to the error wording. Crashes, leaks and undefined behaviour are the
// sanitizers' to find; the checks below abort on broken invariants.
//
// Input: the first byte picks the HTTP status handed to errorFromHttp; the rest
// is the body (and, split at the first newline, a Link header).

#include "github/githuberror.h"
#include "github/githubjson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const int statuses[] = {200, 201, 202, 204, 304, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503};
    const int status = statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    using namespace github;

    (void)parseErrorBody(body);
    User user;
    if (parseUser(body, &user))
        require(!user.login.isEmpty());
    Repository repo;
    if (parseRepository(body, &repo))
        require(!repo.fullName.isEmpty());
    QList<Repository> repos;
    if (parseRepositoryList(body, &repos)) {
        for (const Repository &r : repos)
            require(!r.fullName.isEmpty());
    }
    Tree tree;
    if (parseTree(body, &tree)) {
        for (const TreeEntry &e : tree.entries)
            require(!e.path.isEmpty());
    }
    FileContent file;
    (void)parseFileContent(body, &file);
    FileContent blob;
    (void)parseBlob(body, &blob);
    GitCommit commit;
    if (parseGitCommit(body, &commit))
        require(!commit.sha.isEmpty() && !commit.treeSha.isEmpty());
    Ref ref;
    if (parseRef(body, &ref))
        require(!ref.sha.isEmpty());
    (void)parseSha(body);
    Comparison comparison;
    if (parseComparison(body, &comparison))
        require(!comparison.status.isEmpty() && comparison.aheadBy >= 0 && comparison.behindBy >= 0);
    PullRequest pull;
    if (parsePullRequest(body, &pull))
        require(pull.number > 0);
    QList<PullRequest> pulls;
    if (parsePullRequestList(body, &pulls)) {
        for (const PullRequest &p : pulls)
            require(p.number > 0);
    }
    MergeResult merge;
    (void)parseMergeResult(body, &merge);
    MergeUpstream upstream;
    if (parseMergeUpstream(body, &upstream))
        require(!upstream.mergeType.isEmpty());
    DeviceCode code;
    if (parseDeviceCode(body, &code))
        require(code.interval >= 1 && !code.userCode.isEmpty());
    TokenAnswer token;
    if (parseTokenAnswer(body, &token))
        require(!token.accessToken.isEmpty() || !token.error.isEmpty());

    const qsizetype newline = body.indexOf('\n');
    const QByteArray link = newline < 0 ? body : body.left(newline);
    (void)linkTarget(link);
    (void)linkTarget(link, "last");

    Headers headers;
    headers.insert("retry-after", link.left(8));
    headers.insert("x-ratelimit-remaining", data[0] & 1 ? QByteArray("0") : QByteArray("12"));
    headers.insert("x-ratelimit-reset", link.left(12));
    const GithubError error =
        errorFromHttp(status, headers, body, QStringLiteral("read a file"), QStringLiteral("org/repo"));
    if (status >= 400)
        require(!error.message.isEmpty() && error.kind != GithubError::Kind::Ok);
    (void)withCoAuthors(QString::fromUtf8(body), {{QString::fromUtf8(link), QStringLiteral("a@b.c"), {}}});
    return 0;
}
