# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# rg_option(NAME DESCRIPTION DEFAULT): an option that also shows in the feature summary.
function(rg_option name description default)
  option(${name} "${description}" ${default})
  add_feature_info(${name} ${name} "${description}")
endfunction()
