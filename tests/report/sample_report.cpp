// absim_report_sample: writes the outputs of a hand-built run record, so the
// report can be checked in a browser before the interpreter records real
// runs. The record imitates the balanced New Year's Eve model: at each
// midnight spike the SMS server runs at 100% while the balancers move Speed
// over from the telephone server, whose load falls to 0, and a cloud
// provider adds short-lived workers.
//
// usage: absim_report_sample [--report F.html] [--plot F.svg] [--dc-log F.csv|F.json]

#include "app/report/report.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace absim::report;

namespace {

bool inSpike(int k) {
    return (k >= 20 && k < 26) || (k >= 45 && k < 51);
}

RunRecord sampleRecord() {
    constexpr int kEnd = 60;
    RunRecord record;
    record.facts.model = "examples/new-years-eve/balanced.abs";
    record.facts.arguments = {
        "run", "examples/new-years-eve/balanced.abs", "--seed", "7", "--clock-limit", "60"};
    record.facts.seed = 7;
    record.facts.clockLimit = Number::integer(kEnd);
    record.facts.finalTime = Number::integer(kEnd);
    record.facts.wallSeconds = 0.25;

    DcRecord& initial = record.addDc("Initial DC", Number::integer(0));
    DcRecord& phone = record.addDc("Telephone server", Number::integer(0));
    DcRecord& sms = record.addDc("SMS server", Number::integer(0));
    for (int k = 0; k < kEnd; ++k) {
        bool spike = inSpike(k);
        initial.closeInterval(Resource::Speed, std::nullopt, Number::integer(k % 3));
        // Outside the spikes both servers have 50; the balancers move 30 to
        // the SMS server while it is saturated.
        long long phoneCap = spike ? 20 : 50;
        long long smsCap = spike ? 80 : 50;
        long long phoneUse = spike ? 0 : 20 + (k * 7) % 15;
        long long smsUse = spike ? smsCap : 10 + (k * 5) % 20;
        phone.closeInterval(Resource::Speed, Number::integer(phoneCap), Number::integer(phoneUse));
        sms.closeInterval(Resource::Speed, Number::integer(smsCap), Number::integer(smsUse));
        sms.closeInterval(Resource::Bandwidth, Number::integer(100),
                          spike ? Number::ratio(185, 2) : Number::integer(smsUse));
        for (DcRecord* dc : {&initial, &phone, &sms}) {
            if (dc != &sms)
                dc->closeInterval(Resource::Bandwidth, std::nullopt, Number::integer(0));
            dc->closeInterval(Resource::Memory, std::nullopt, Number::integer(0));
        }
    }

    // Two cloud workers per spike, launched a little after it starts.
    int worker = 0;
    for (int start : {21, 46}) {
        for (int i = 0; i < 2; ++i) {
            DcRecord& w = record.addDc("cloud-sms-worker-" + std::to_string(worker++),
                                       Number::integer(start + i), true);
            w.shutdown = Number::integer(start + 6);
            for (int k = start + i; k < start + 6; ++k) {
                w.closeInterval(Resource::Speed, Number::integer(25),
                                Number::integer(k % 2 ? 25 : 20));
                w.closeInterval(Resource::Bandwidth, std::nullopt, Number::integer(0));
                w.closeInterval(Resource::Memory, std::nullopt, Number::integer(0));
            }
            w.cost = Number::integer(6 - i);
        }
    }
    // Billing: each worker costs 1 per completed interval.
    long long billed = 0;
    for (int k = 1; k <= kEnd; ++k) {
        long long running = 0;
        for (const DcRecord& dc : record.dcs) {
            if (dc.fromCloudProvider && dc.created.value < k && k <= dc.shutdown->value)
                ++running;
        }
        if (running > 0) {
            billed += running;
            record.billing.push_back({Number::integer(k), Number::integer(billed)});
        }
    }

    for (int k = 0; k < kEnd; ++k) {
        // In quarters of a time unit, so the value is an exact Rat.
        long long quarters = inSpike(k) ? 36 : 6 + k % 4;
        record.metrics.recordSample("SMS response time", Number::integer(k),
                                    Number::ratio(quarters, 4));
        record.metrics.recordSample("queued messages", Number::ratio(2 * k + 1, 2),
                                    Number::integer(inSpike(k) ? 400 + 20 * (k % 6) : 5));
        record.metrics.incrementCounter("messages sent", Number::integer(inSpike(k) ? 80 : 20));
        if (inSpike(k))
            record.metrics.incrementCounter("calls dropped", Number::ratio(1, 3));
    }
    return record;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    RunRecord record = sampleRecord();
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        const std::string& option = args[i];
        const std::string& path = args[i + 1];
        WriteResult result = option == "--report" ? writeHtmlReport(record, path)
                             : option == "--plot" ? writeSvg(record, path)
                             : option == "--dc-log"
                                 ? writeDcLog(record, path)
                                 : WriteResult::failure("unknown option " + option);
        if (!result.ok()) {
            std::fprintf(stderr, "absim_report_sample: %s\n", result.error.c_str());
            return 74;
        }
    }
    if (args.size() % 2 != 0) {
        std::fprintf(stderr,
                     "usage: absim_report_sample [--report F.html] [--plot F.svg] [--dc-log F]\n");
        return 64;
    }
    return 0;
}
