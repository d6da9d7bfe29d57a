// placeholder: the numeric helper defines DecimalRepr here
#pragma once
namespace cxv { struct DecimalRepr {}; }
