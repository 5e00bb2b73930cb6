#pragma once

#include "course/repositorysource.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

// Asks for what one commit of the TA's changes needs: the message, the author
// (the TA) and the "Co-authored-by" trailer that credits the student, and
// lists the files the commit changes, adds and deletes.
class CommitDialog : public QDialog
{
    Q_OBJECT

public:
    struct File
    {
        enum class Status : quint8 { Modified, Added, Deleted };
        QString path;
        Status status = Status::Modified;
    };

    CommitDialog(const QString &repository, const QString &branch, const QList<File> &files,
                 const course::Person &author, const course::Person &student, QWidget *parent = nullptr);

    // The whole commit message: the text typed, then a blank line and the
    // trailer when there is one.
    QString message() const;
    course::Person author() const;
    QString trailer() const;
    QList<File> files() const { return m_files; }

    QPlainTextEdit *messageEdit() const { return m_message; }
    QLineEdit *authorNameEdit() const { return m_authorName; }
    QLineEdit *authorEmailEdit() const { return m_authorEmail; }
    QLineEdit *trailerEdit() const { return m_trailer; }
    QListWidget *fileList() const { return m_fileList; }
    // Empty when the commit can be made; else what to fix.
    QString problem() const;

    static QString trailerFor(const course::Person &student);

private:
    void validate();

    QList<File> m_files;
    QPlainTextEdit *m_message = nullptr;
    QLineEdit *m_authorName = nullptr;
    QLineEdit *m_authorEmail = nullptr;
    QLineEdit *m_trailer = nullptr;
    QListWidget *m_fileList = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
