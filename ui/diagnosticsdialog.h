#pragma once

#include "course/diagnostic.h"

#include <QDialog>

// Lists what was wrong in a course file or roster, one line per problem, in the
// file:line:column form, with the count of what still loaded.
class DiagnosticsDialog : public QDialog
{
    Q_OBJECT

public:
    DiagnosticsDialog(const QString &title, const QString &summary, const course::Diagnostics &diagnostics,
                      QWidget *parent = nullptr);
};
