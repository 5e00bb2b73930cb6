#pragma once

#include "course/courseconfig.h"
#include "course/roster.h"

#include <QJsonObject>
#include <QString>

namespace course {

// The Kubernetes objects CourseOps makes for one student, as JSON ready to
// POST. Every object carries the labels courseops.io/student=<login, lower
// case>, courseops.io/cohort and the course's own, so the console can join
// them to the roster.
//
// The pod clones the student's repository at a pinned commit in an init
// container into an emptyDir (the gitRepo volume is gone from current
// Kubernetes) and runs `npm start` on the course's Node.js image. A Secret
// named courseops-git with a key `token` (optional) lets it clone private
// repositories.
namespace manifests {

QString objectName(const QString &login); // the student's Deployment/Service/Ingress name
QJsonObject labels(const CourseConfig &course, const Student &student);
QJsonObject deployment(const CourseConfig &course, const Student &student, const QString &ns,
                       const QString &repoCloneUrl, const QString &commit);
QJsonObject service(const CourseConfig &course, const Student &student, const QString &ns);
QJsonObject ingress(const CourseConfig &course, const Student &student, const QString &ns);
// A strategic-merge patch that makes `deployment` run `commit` (template
// annotation courseops.io/commit and the init container's COMMIT).
QByteArray redeployPatch(const QString &commit);

} // namespace manifests
} // namespace course
