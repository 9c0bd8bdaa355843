// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderedworker.h"

OrderedWorker::OrderedWorker(QObject *parent)
    : QObject(parent)
{
    m_thread.setMaxThreadCount(1); // one thread: jobs run, and results arrive, in order
}

OrderedWorker::~OrderedWorker()
{
    m_thread.clear();
    m_thread.waitForDone();
}
