#pragma once

#include <QStringView>

// Kubernetes naming rules (apimachinery's validation), used wherever a name or
// label we build from course data must be accepted by the API server.
namespace kube::names {

bool isDns1123Label(QStringView s);     // [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63
bool isDns1123Subdomain(QStringView s); // labels joined by '.', at most 253
bool isLabelValue(QStringView s);       // empty, or ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], at most 63
bool isLabelKey(QStringView s);         // [prefix/]name, prefix a DNS subdomain

} // namespace kube::names
