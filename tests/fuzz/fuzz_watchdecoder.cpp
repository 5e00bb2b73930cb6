// Feeds arbitrary bytes to the watch-stream decoder, split into chunks where
// the input says, and every decoded object to the compact parsers the
// reflector uses. Crashes, leaks and undefined behaviour are the sanitizers'
// to find; the checks below abort on broken invariants.
//
// Input: the first byte picks the chunk size (1..256); the rest is the stream.

#include "kube/deploymentinfo.h"
#include "kube/podinfo.h"
#include "kube/podstatus.h"
#include "kube/rolloutstatus.h"
#include "kube/serviceinfo.h"
#include "kube/watchdecoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void use(const kube::WatchDecoder::Event &event)
{
    kube::PodInfo pod;
    if (kube::parsePod(event.object, &pod)) {
        require(!pod.name.isEmpty());
        (void)kube::printPod(pod, 1700000000);
    }
    kube::DeploymentInfo deployment;
    if (kube::parseDeployment(event.object, &deployment)) {
        require(!deployment.name.isEmpty());
        require(!kube::rolloutStatus(deployment).message.isEmpty());
    }
    kube::ServiceInfo service;
    if (kube::parseService(event.object, &service))
        require(!service.name.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t chunk = size_t(data[0]) + 1;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const size_t length = size - 1;
    kube::WatchDecoder decoder;
    kube::WatchDecoder::Event event;
    size_t events = 0;
    for (size_t pos = 0; pos < length; pos += chunk) {
        decoder.feed(QByteArrayView(bytes + pos, qsizetype(std::min(chunk, length - pos))));
        for (;;) {
            const auto step = decoder.next(&event);
            require(step != kube::WatchDecoder::Step::Truncated); // only finish() reports a cut
            if (step == kube::WatchDecoder::Step::NeedMore)
                break;
            if (step == kube::WatchDecoder::Step::Event) {
                ++events;
                use(event);
            }
        }
    }
    for (;;) {
        const auto step = decoder.finish(&event);
        if (step == kube::WatchDecoder::Step::NeedMore)
            break;
        if (step == kube::WatchDecoder::Step::Event) {
            ++events;
            use(event);
        }
    }
    require(decoder.bufferedBytes() == 0);
    require(events <= length / 20 + 1); // the shortest event is {"type":"ADDED","object":{}} and a newline
    return 0;
}
