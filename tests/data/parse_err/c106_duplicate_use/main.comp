use "general.comp"
use "./general.comp"
