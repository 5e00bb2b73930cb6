// The client every script uses: @octokit/rest exactly as a course's own tooling
// would set it up against github.com, pointed at the sandbox by the variables
// that `courseops-sandbox --write-github-env` writes. Node trusts the sandbox's
// CA through NODE_EXTRA_CA_CERTS, set by the test.
import { Octokit } from "@octokit/rest";

export function client() {
  const octokit = new Octokit({
    auth: process.env.COURSEOPS_GITHUB_TOKEN,
    baseUrl: process.env.COURSEOPS_GITHUB_API,
    userAgent: "courseops-octokit-fidelity",
  });
  octokit.requestCount = 0;
  octokit.hook.before("request", () => {
    octokit.requestCount += 1;
  });
  return octokit;
}

// What a failed call gave the caller: octokit's RequestError, as a plain object.
export async function failure(promise) {
  try {
    const response = await promise;
    return { resolved: true, status: response.status };
  } catch (error) {
    return {
      resolved: false,
      name: error.name,
      status: error.status,
      message: error.message,
      data: error.response?.data ?? null,
    };
  }
}

// Each script prints one JSON object as its last line; a thrown error exits 1.
export async function run(main) {
  try {
    const result = await main(process.argv.slice(2));
    process.stdout.write(JSON.stringify(result) + "\n");
  } catch (error) {
    process.stderr.write(`${error.name}: ${error.status ?? ""} ${error.message}\n${error.stack}\n`);
    process.exit(1);
  }
}

export const text = (base64) => Buffer.from(base64, "base64").toString("utf8");
export const base64 = (utf8) => Buffer.from(utf8, "utf8").toString("base64");
